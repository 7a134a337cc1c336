package dev.gatehouse.apps.installation;

import dev.gatehouse.apps.app.App;
import dev.gatehouse.apps.app.AppRepository;
import dev.gatehouse.apps.binding.AppBindingRepository;
import dev.gatehouse.apps.binding.DefaultBinding;
import dev.gatehouse.apps.binding.InstallPolicy;
import dev.gatehouse.apps.company.Company;
import dev.gatehouse.apps.company.CompanyDirectory;
import dev.gatehouse.apps.manifest.Manifests;
import dev.gatehouse.apps.version.PublishedVersions;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.apps.AppInstalled;
import dev.gatehouse.events.apps.AppUninstalled;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.InstallationDisabled;
import dev.gatehouse.events.apps.InstallationEnabled;
import dev.gatehouse.events.apps.InstallationResumed;
import dev.gatehouse.events.apps.InstallationSuspended;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Installs apps and runs an installation's lifecycle: install (or install again), disable, enable, uninstall.
 * Each change and its installation event commit together; the event carries the whole new state.
 */
@ApplicationScoped
public class InstallationService {

    private final InstallationRepository installations;
    private final AppRepository apps;
    private final AppBindingRepository bindings;
    private final DefaultBinding defaults;
    private final CompanyDirectory directory;
    private final PublishedVersions versions;
    private final InstallationEvents events;
    private final PendingUpgrades upgradeRequests;

    public InstallationService(InstallationRepository installations, AppRepository apps,
            AppBindingRepository bindings, DefaultBinding defaults, CompanyDirectory directory,
            PublishedVersions versions, InstallationEvents events, PendingUpgrades upgradeRequests) {
        this.upgradeRequests = upgradeRequests;
        this.installations = installations;
        this.apps = apps;
        this.bindings = bindings;
        this.defaults = defaults;
        this.directory = directory;
        this.versions = versions;
        this.events = events;
    }

    /** An installation and its app, as the API shows them. */
    public record Installed(Installation installation, App app, boolean created) {
    }

    @WithTransaction
    public Uni<Installed> install(UUID companyId, InstallCommand command, InstallPolicy.Route route, Actor actor) {
        return directory.require(companyId)
                .chain(company -> visibleApp(companyId, command.appId())
                        .call(app -> bindings.find(companyId, app.id).invoke(binding ->
                                InstallPolicy.require(app, defaults.effective(app, binding), route)))
                        .chain(app -> versions.require(app.id, command.version()).chain(version -> {
                            Grant grant = Grant.of(Manifests.read(version.manifest));
                            requireHighRiskAllowed(company, grant, command.acknowledgeHighRisk());
                            return installations.ofCompanyAndApp(companyId, app.id)
                                    .chain(existing -> install(company, app, version.version, grant, existing,
                                            command, actor));
                        })));
    }

    private Uni<Installed> install(Company company, App app, String version, Grant grant, Installation existing,
            InstallCommand command, Actor actor) {
        if (existing != null && existing.status != InstallationStatus.uninstalled) {
            throw ProblemException.conflict("'" + app.name + "' is already installed in this company (installation "
                    + existing.id + "); change or upgrade that installation instead");
        }
        boolean keepProjects = existing != null && command.projectAccess() == null && command.projectIds() == null;
        ProjectAccess access = keepProjects ? existing.projectAccess
                : command.projectAccess() == null ? ProjectAccess.selected : command.projectAccess();
        if (access != ProjectAccess.selected && command.projectIds() != null) {
            throw ProblemException.invalid("projectIds", "is only for projectAccess 'selected'");
        }
        Uni<List<UUID>> projects = access != ProjectAccess.selected ? directory.openProjectIds(company.id)
                : keepProjects ? Uni.createFrom().item(existing.projectIds)
                : directory.requireOpenProjects(company.id, command.projectIds(), "projectIds");
        return projects.chain(projectIds -> {
            Instant now = now();
            Installation i = existing;
            if (i == null) {
                i = new Installation();
                i.id = UUID.randomUUID();
                i.companyId = company.id;
                i.appId = app.id;
                i.appUserId = UUID.randomUUID();
                i.revision = 0;
            }
            i.appVersion = version;
            i.status = InstallationStatus.active;
            i.statusReason = null;
            i.suspended = false; // only an app turned on can be installed
            i.grant(grant);
            i.projectAccess = access;
            i.projectIds = List.copyOf(projectIds);
            i.installedAt = now;
            i.installedBy = actor.id();
            i.touched(actor.id(), now);
            Installation installation = i;
            // A reinstall chooses its version afresh: requests made for the earlier installation no longer apply.
            Uni<Installation> saved = existing == null ? installations.persistAndFlush(installation)
                    : upgradeRequests.supersedePending(installation.id).chain(installations::flush)
                    .replaceWith(installation);
            return saved.call(s -> events.publish(AppsEvents.APP_INSTALLED, s, actor,
                            new AppInstalled(InstallationEvents.stateOf(s, app))))
                    .map(s -> new Installed(s, app, existing == null));
        });
    }

    @WithTransaction
    public Uni<Installed> disable(UUID companyId, UUID installationId, String reason, Actor actor) {
        return current(companyId, installationId).chain(found -> {
            Installation i = found.installation();
            requireInstalled(i);
            if (i.status == InstallationStatus.disabled) {
                return Uni.createFrom().item(found);
            }
            i.status = InstallationStatus.disabled;
            i.statusReason = reason;
            i.touched(actor.id(), now());
            return installations.flush().call(() -> events.publish(AppsEvents.INSTALLATION_DISABLED, i, actor,
                    new InstallationDisabled(InstallationEvents.stateOf(i, found.app()), reason))).replaceWith(found);
        });
    }

    @WithTransaction
    public Uni<Installed> enable(UUID companyId, UUID installationId, Actor actor) {
        return current(companyId, installationId).chain(found -> {
            Installation i = found.installation();
            requireInstalled(i);
            if (i.status == InstallationStatus.active) {
                return Uni.createFrom().item(found);
            }
            i.status = InstallationStatus.active;
            i.statusReason = null;
            i.touched(actor.id(), now());
            return installations.flush().call(() -> events.publish(AppsEvents.INSTALLATION_ENABLED, i, actor,
                    new InstallationEnabled(InstallationEvents.stateOf(i, found.app())))).replaceWith(found);
        });
    }

    /** The app user is deactivated and the app's tokens for the company stop working; the installation stays. */
    @WithTransaction
    public Uni<Installed> uninstall(UUID companyId, UUID installationId, Actor actor) {
        return current(companyId, installationId).chain(found -> {
            Installation i = found.installation();
            if (i.status == InstallationStatus.uninstalled) {
                return Uni.createFrom().item(found);
            }
            i.status = InstallationStatus.uninstalled;
            i.statusReason = null;
            i.touched(actor.id(), now());
            return upgradeRequests.supersedePending(i.id).chain(installations::flush)
                    .call(() -> events.publish(AppsEvents.APP_UNINSTALLED, i, actor,
                            new AppUninstalled(InstallationEvents.stateOf(i, found.app())))).replaceWith(found);
        });
    }

    /**
     * Inside the caller's transaction: the company's installation of the app follows its binding, suspended while
     * the app is turned off and back as it was when it is turned on (InstallationSuspended, InstallationResumed).
     * Empty when the company never installed the app.
     */
    public Uni<Optional<Installation>> followBinding(UUID companyId, UUID appId, boolean appTurnedOff,
            Actor actor) {
        return installations.ofCompanyAndApp(companyId, appId).chain(i -> {
            if (i == null || !i.followBinding(appTurnedOff, actor.id(), now())) {
                return Uni.createFrom().item(Optional.ofNullable(i));
            }
            return apps.findById(appId).call(installations::flush).call(app -> appTurnedOff
                    ? events.publish(AppsEvents.INSTALLATION_SUSPENDED, i, actor,
                            new InstallationSuspended(InstallationEvents.stateOf(i, app)))
                    : events.publish(AppsEvents.INSTALLATION_RESUMED, i, actor,
                            new InstallationResumed(InstallationEvents.stateOf(i, app))))
                    .replaceWith(Optional.of(i));
        });
    }

    @WithSession
    public Uni<Installed> get(UUID companyId, UUID installationId) {
        return current(companyId, installationId);
    }

    @WithSession
    public Uni<Page<Installed>> list(UUID companyId, InstallationStatus status, PageRequest request) {
        return directory.require(companyId)
                .chain(() -> installations.page(companyId, status, request))
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(new Page<Installed>(List.of(), null))
                        : apps.list("id in ?1", rows.stream().map(r -> r.appId).distinct().toList())
                        .map(found -> request.page(rows, r -> new PageRequest.Position(r.installedAt, r.id),
                                r -> new Installed(r, found.stream().filter(a -> a.id.equals(r.appId))
                                        .findFirst().orElseThrow(), false))));
    }

    /** Inside the caller's session: the company's installation with its app, or 404. */
    public Uni<Installed> current(UUID companyId, UUID installationId) {
        return installations.findById(installationId).chain(i -> {
            if (i == null || !i.companyId.equals(companyId)) {
                throw ProblemException.notFound("Installation", installationId);
            }
            return apps.findById(i.appId).map(app -> new Installed(i, app, false));
        });
    }

    /** Inside the caller's session: the app, if this company may see it. */
    private Uni<App> visibleApp(UUID companyId, UUID appId) {
        return apps.findById(appId).map(app -> {
            if (app == null || !InstallPolicy.visible(app, companyId)) {
                throw ProblemException.invalid("appId", "is not an app this company can install");
            }
            return app;
        });
    }

    public static void requireHighRiskAllowed(Company company, Grant grant, Boolean acknowledged) {
        requireHighRiskAllowed(company, grant, acknowledged, "This version asks for");
    }

    /** As above; {@code what} starts the explanation ("This version asks for", "These permissions include"). */
    public static void requireHighRiskAllowed(Company company, Grant grant, Boolean acknowledged, String what) {
        if (!grant.highRisk()) {
            return;
        }
        if (company.forbidHighRisk) {
            throw ProblemException.of(409, "high-risk-forbidden", "High-risk permissions forbidden",
                    what + " admin on the company Directory, and this company's app settings forbid "
                            + "high-risk permissions (PUT /companies/{companyId}/app-settings)");
        }
        if (!Boolean.TRUE.equals(acknowledged)) {
            throw ProblemException.invalid("acknowledgeHighRisk", "must be true: " + what.toLowerCase()
                    + " admin on the company Directory, which allows managing people and their permissions");
        }
    }

    static void requireInstalled(Installation i) {
        if (i.status == InstallationStatus.uninstalled) {
            throw ProblemException.conflict("Installation " + i.id + " is uninstalled; install the app again first");
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
