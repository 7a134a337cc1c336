package dev.gatehouse.events.apps;

import dev.gatehouse.events.permission.AccessLevel;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole state of a legacy (traditional) service account after a change: a directory user with permissions set
 * by hand, plus a company service account in token-service. Deprecated: apps should be installed instead, and
 * {@code POST …/migrate} moves an account onto an installation. Every legacy service account event carries it, so
 * directory-service (the user) and token-service (the client) apply each one alone, keeping the highest
 * {@code revision}.
 *
 * @param revision           increases by one with every change to this account
 * @param userId             the id of its user in the company's directory
 * @param clientId           the id of its company service account (OAuth client) in token-service
 * @param status             {@code active}, {@code migrated} or {@code deleted}; only an active account's user is
 *                           active and only an active account's client exists
 * @param companyPermissions company-level tool permissions, tool name to level
 * @param projectPermissions tool permissions on each of its projects
 * @param projectIds         the projects its user is a member of
 * @param installationId     the installation it was migrated onto, once migrated
 */
public record LegacyServiceAccountState(
        UUID accountId,
        int revision,
        UUID companyId,
        String name,
        UUID userId,
        String clientId,
        String status,
        Map<String, AccessLevel> companyPermissions,
        Map<String, AccessLevel> projectPermissions,
        List<UUID> projectIds,
        UUID installationId) {

    public static final String ACTIVE = "active";
    public static final String MIGRATED = "migrated";
    public static final String DELETED = "deleted";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
