package dev.gatehouse.apps.catalog;

import dev.gatehouse.apps.app.App;
import dev.gatehouse.apps.app.AppKind;
import dev.gatehouse.apps.app.AppRepository;
import dev.gatehouse.apps.app.ListingStatus;
import dev.gatehouse.apps.binding.AppBinding;
import dev.gatehouse.apps.binding.AppBindingRepository;
import dev.gatehouse.apps.binding.DefaultBinding;
import dev.gatehouse.apps.binding.BindingState;
import dev.gatehouse.apps.binding.InstallPolicy;
import dev.gatehouse.apps.company.Company;
import dev.gatehouse.apps.company.CompanyDirectory;
import dev.gatehouse.apps.developerorg.DeveloperOrgRepository;
import dev.gatehouse.apps.installation.Grant;
import dev.gatehouse.apps.installation.Installation;
import dev.gatehouse.apps.installation.InstallationRepository;
import dev.gatehouse.apps.manifest.Manifests;
import dev.gatehouse.apps.version.AppVersion;
import dev.gatehouse.apps.version.PublishedVersions;
import dev.gatehouse.apps.version.VersionStatus;
import dev.gatehouse.events.apps.AppManifest;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a company can install: the catalogue page with each app's latest manifest, binding and installation. */
@ApplicationScoped
public class CatalogService {

    private final AppRepository apps;
    private final PublishedVersions versions;
    private final AppBindingRepository bindings;
    private final DefaultBinding defaults;
    private final InstallationRepository installations;
    private final CompanyDirectory directory;
    private final DeveloperOrgRepository orgs;

    public CatalogService(AppRepository apps, PublishedVersions versions, AppBindingRepository bindings,
            DefaultBinding defaults, InstallationRepository installations, CompanyDirectory directory,
            DeveloperOrgRepository orgs) {
        this.apps = apps;
        this.versions = versions;
        this.bindings = bindings;
        this.defaults = defaults;
        this.installations = installations;
        this.directory = directory;
        this.orgs = orgs;
    }

    @WithSession
    public Uni<Page<CatalogEntry>> list(UUID companyId, PageRequest request) {
        return directory.require(companyId).chain(company -> catalogue(companyId, request).chain(rows -> {
            List<UUID> ids = rows.stream().map(a -> a.id).toList();
            if (ids.isEmpty()) {
                return Uni.createFrom().item(new Page<CatalogEntry>(List.of(), null));
            }
            List<UUID> orgIds = rows.stream().map(a -> a.developerOrgId).distinct().toList();
            return versions.latestOf(ids).chain(latest -> bindings.ofCompanyAndApps(companyId, ids)
                    .chain(bs -> orgs.list("id in ?1", orgIds).chain(os -> installations.ofCompanyAndApps(companyId,
                            ids).map(is -> {
                        Map<UUID, String> orgNames = os.stream().collect(Collectors.toMap(o -> o.id, o -> o.name));
                        Map<UUID, AppBinding> byApp = bs.stream()
                                .collect(Collectors.toMap(b -> b.appId, Function.identity()));
                        Map<UUID, Installation> installed = is.stream()
                                .collect(Collectors.toMap(i -> i.appId, Function.identity()));
                        return request.page(rows, a -> new PageRequest.Position(a.createdAt, a.id),
                                a -> entry(company, a, orgNames.get(a.developerOrgId), latest.get(a.id),
                                        byApp.get(a.id), installed.get(a.id)));
                    }))));
        }));
    }

    /**
     * A high-risk latest version in a company that forbids high-risk apps is neither installable nor requestable:
     * the catalogue says what an install or a request would meet.
     */
    private CatalogEntry entry(Company company, App app, String developerName, AppVersion latest,
            AppBinding binding, Installation installation) {
        BindingState state = defaults.effective(app, binding);
        AppManifest manifest = Manifests.read(latest.manifest);
        Grant grant = Grant.of(manifest);
        boolean highRisk = grant.highRisk();
        boolean allowedHere = !(highRisk && company.forbidHighRisk);
        return new CatalogEntry(app.id, app.name, app.description, app.kind, app.developerOrgId,
                developerName, app.listing(), state,
                allowedHere && InstallPolicy.allows(state, InstallPolicy.Route.DIRECT),
                allowedHere && InstallPolicy.allows(state, InstallPolicy.Route.REQUEST),
                new CatalogEntry.LatestVersion(latest.version, highRisk, grant.highRiskCompanyPermissions(),
                        !manifest.scopesEnforced(), manifest),
                installation == null ? null : new CatalogEntry.CurrentInstallation(installation.id,
                        installation.appVersion, installation.status, installation.suspended));
    }

    /**
     * A page of the apps a company can see that have a published version: marketplace apps whose listing a platform
     * admin approved, and its own.
     */
    private Uni<List<App>> catalogue(UUID companyId, PageRequest request) {
        StringBuilder where = new StringBuilder("((a.kind = :marketplace and a.listingStatus = :approved) "
                + "or a.owningCompanyId = :company) and exists ("
                + "select 1 from AppVersion v where v.appId = a.id and v.status = :published)");
        Map<String, Object> params = new HashMap<>();
        params.put("marketplace", AppKind.marketplace);
        params.put("approved", ListingStatus.approved);
        params.put("company", companyId);
        params.put("published", VersionStatus.published);
        request.appendKeyset(where, params, "a.createdAt", "a.id", false);
        return apps.find("from App a where " + where + " order by a.createdAt, a.id", params)
                .range(0, request.fetchSize() - 1).list();
    }
}
