package dev.gatehouse.events.apps;

import dev.gatehouse.events.permission.AccessLevel;

import java.util.List;
import java.util.Map;

/**
 * What an app version asks for: the permissions its app user gets in each company that installs it, the OAuth
 * scopes its tokens carry, where it may redirect, and what admins should know after installing.
 *
 * @param companyPermissions company-level tool permissions, tool name to level
 * @param projectPermissions tool permissions on each permitted project (project-level tools only)
 * @param enforceScopes      Canvas's "enforce scopes": {@code true} or absent, the app's tokens carry only
 *                           {@code scopes}; {@code false}, the legacy behaviour, every catalogue scope, so the app
 *                           user's permissions are the only limit
 * @param justifications     why the app needs each permission or scope it asks for (a tool or scope name to a
 *                           sentence), shown to admins and to people asked for consent; optional, as Canvas asks
 *                           vendors for it
 */
public record AppManifest(
        Map<String, AccessLevel> companyPermissions,
        Map<String, AccessLevel> projectPermissions,
        List<String> scopes,
        List<String> redirectUris,
        String postInstallNotes,
        Boolean enforceScopes,
        Map<String, String> justifications) {

    /** Whether the app's tokens are limited to its scopes (the default). */
    public boolean scopesEnforced() {
        return !Boolean.FALSE.equals(enforceScopes);
    }
}
