package dev.gatehouse.events.apps;

import java.util.UUID;

/**
 * The role a person's account now has in a developer organization: {@code owner} (manages the members, and
 * develops), {@code developer}, or {@code none}. On a compacted topic keyed by organization and account, read whole
 * by every service to judge people's tokens for an organization, as {@code CompanyRoleChanged} is for companies.
 */
public record DeveloperRoleChanged(UUID developerOrgId, UUID accountId, UUID memberId, String role) {

    public static final String OWNER = "owner";
    public static final String DEVELOPER = "developer";
    public static final String NONE = "none";

    /** The Kafka key (and aggregate id): one record per organization and account survives compaction. */
    public static String key(UUID developerOrgId, UUID accountId) {
        return developerOrgId + ":" + accountId;
    }
}
