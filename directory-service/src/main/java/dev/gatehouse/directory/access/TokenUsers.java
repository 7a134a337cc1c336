package dev.gatehouse.directory.access;

import dev.gatehouse.directory.permissionset.PermissionSet;
import io.smallrye.mutiny.Uni;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What access checks read about the directory user behind an app's or a (legacy) service account's token, live from
 * this service's tables. A port: the user and membership tables are read where they live ({@code membership}), so
 * that this package, which every resource uses, depends on none of them.
 */
public interface TokenUsers {

    /** The user, if it is in the company's directory. */
    Uni<Optional<TokenUser>> find(UUID companyId, UUID userId);

    /** The person holding this token-service account in the company's directory, if any. */
    Uni<Optional<TokenUser>> findPerson(UUID companyId, UUID accountId);

    /** The projects the user is a member of: an app's permitted projects. */
    Uni<Set<UUID>> projectsOf(UUID userId);

    /**
     * A directory user as access checks see it.
     *
     * @param app           managed by an app installation
     * @param legacy        managed by a legacy service account
     * @param serviceAccount managed by a company service account (token-service)
     * @param active        its installation or account is active
     * @param managerStatus its installation's or account's status, for the refusal's text
     */
    record TokenUser(UUID id, boolean app, boolean legacy, boolean serviceAccount, boolean active,
            String managerStatus, PermissionSet permissions) {

        /** What manages it, for refusals' text. */
        String manager() {
            return app ? "installation" : serviceAccount ? "service account" : "legacy service account";
        }
    }
}
