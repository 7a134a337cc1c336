package dev.gatehouse.events.apps;

import java.util.List;
import java.util.UUID;

/**
 * A legacy service account was moved onto an installation ({@code account.installationId()}): its user is
 * deactivated and its client removed, and the installation now holds its projects.
 *
 * @param appId             the app installed in its place
 * @param permissionChanges how the installation's permissions differ from the account's, one line each
 *                          ({@code company:budget:read_only->none}, {@code project:rfis:none->standard})
 */
public record LegacyServiceAccountMigrated(LegacyServiceAccountState account, UUID appId,
        List<String> permissionChanges) {
}
