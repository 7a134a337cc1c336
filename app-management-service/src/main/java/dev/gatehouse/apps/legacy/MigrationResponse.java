package dev.gatehouse.apps.legacy;

import dev.gatehouse.apps.installation.InstallationResponse;
import dev.gatehouse.apps.upgrade.GrantDiff;

/**
 * The answer to a migration: the account (now {@code migrated}), the installation that replaces it, and how the
 * installation's tool permissions differ from the account's ({@code from} the account, {@code to} the
 * installation; scopes are not compared, the account had none of its own here).
 */
public record MigrationResponse(LegacyServiceAccountResponse account, InstallationResponse installation,
        GrantDiff permissionChanges) {
}
