package dev.gatehouse.directory.manageduser;

import dev.gatehouse.directory.user.UserKind;
import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.events.apps.LegacyServiceAccountState;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.token.ServiceAccountChanged;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a managed user should look like, as its manager's newest event says: an installation's app user, a legacy
 * service account's user, or a company service account's user. {@link ManagedUserSync} makes the directory match it.
 *
 * @param managerId      the installation or legacy service account
 * @param managerStatus  its status ({@code active}, {@code disabled}, {@code uninstalled}, {@code migrated}, …)
 * @param name           the name for a user created now (an app user's gets a fresh random suffix)
 * @param inactiveReason why the user is inactive, when it is
 */
public record ManagedUser(UUID userId, UUID companyId, UserKind kind, UUID managerId, String managerStatus,
        int revision, String name, UUID appId, boolean active, String inactiveReason,
        Map<String, AccessLevel> companyPermissions, Map<String, AccessLevel> projectPermissions,
        List<UUID> projectIds, String serviceClientId) {

    public static ManagedUser of(InstallationState s) {
        return new ManagedUser(s.appUserId(), s.companyId(), UserKind.app, s.installationId(), s.status(),
                s.revision(), AppUserNames.forApp(s.appName()), s.appId(), s.active(),
                switch (s.status()) {
                    case InstallationState.UNINSTALLED -> "app uninstalled";
                    case InstallationState.SUSPENDED -> "app turned off in this company";
                    default -> "installation disabled";
                },
                s.companyPermissions(), s.projectPermissions(), s.projectIds(), null);
    }

    public static ManagedUser of(LegacyServiceAccountState s) {
        return new ManagedUser(s.userId(), s.companyId(), UserKind.legacy, s.accountId(), s.status(), s.revision(),
                s.name(), null, s.active(), LegacyServiceAccountState.MIGRATED.equals(s.status())
                        ? "legacy service account migrated to installation " + s.installationId()
                        : "legacy service account deleted",
                s.companyPermissions(), s.projectPermissions(), s.projectIds(), null);
    }

    /** A company service account's user: its manager is the account, known by its client id; its id is the user's. */
    public static ManagedUser of(ServiceAccountChanged s) {
        return new ManagedUser(s.userId(), s.companyId(), UserKind.service_account, s.userId(), s.status(),
                s.revision(), s.name(), null, s.active(), ServiceAccountChanged.DELETED.equals(s.status())
                        ? "service account deleted" : "service account disabled",
                s.companyPermissions(), s.projectPermissions(), s.projectIds(), s.clientId());
    }
}
