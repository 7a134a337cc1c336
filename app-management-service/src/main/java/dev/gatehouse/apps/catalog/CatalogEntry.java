package dev.gatehouse.apps.catalog;

import dev.gatehouse.apps.app.AppKind;
import dev.gatehouse.apps.binding.BindingState;
import dev.gatehouse.apps.installation.InstallationStatus;
import dev.gatehouse.events.apps.AppListing;
import dev.gatehouse.events.apps.AppManifest;

import java.util.List;
import java.util.UUID;

/**
 * One app a company can see, with everything an admin needs to decide before enabling or installing it: the latest
 * version's full manifest (permissions, scopes, redirect URIs), whether it is high-risk, the binding, and what the
 * company already has installed.
 *
 * @param developerName the developer organization that makes it (its contact and links are in {@code listing})
 * @param binding     the company's binding; for a company's own app always {@code on}
 * @param installable an admin may install it directly now
 * @param requestable a member may ask for it with an install request
 */
public record CatalogEntry(UUID appId, String name, String description, AppKind kind, UUID developerOrgId,
        String developerName, AppListing listing, BindingState binding, boolean installable, boolean requestable,
        LatestVersion latestVersion, CurrentInstallation installation) {

    /**
     * @param unscoped the version does not enforce its scopes ({@code enforceScopes: false}): its tokens may do
     *                 whatever its permissions allow, as Canvas shows keys that do not enforce scopes
     * @param highRiskCompanyPermissions the company-level tools in the manifest that make it high risk
     */
    public record LatestVersion(String version, boolean highRisk, List<String> highRiskCompanyPermissions,
            boolean unscoped, AppManifest manifest) {
    }

    /** @param suspended the app is turned off here, so the installation is kept but grants nothing meanwhile */
    public record CurrentInstallation(UUID id, String version, InstallationStatus status, boolean suspended) {
    }
}
