package dev.gatehouse.apps.installrequest;

import dev.gatehouse.apps.AppManagementService;
import dev.gatehouse.apps.app.AppRepository;
import dev.gatehouse.apps.binding.AppBindingRepository;
import dev.gatehouse.apps.binding.DefaultBinding;
import dev.gatehouse.apps.binding.InstallPolicy;
import dev.gatehouse.apps.company.CompanyDirectory;
import dev.gatehouse.apps.installation.Grant;
import dev.gatehouse.apps.installation.InstallCommand;
import dev.gatehouse.apps.installation.InstallationService;
import dev.gatehouse.apps.installation.ProjectAccess;
import dev.gatehouse.apps.manifest.Manifests;
import dev.gatehouse.apps.version.PublishedVersions;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.InstallRequestDecided;
import dev.gatehouse.events.apps.InstallRequested;
import dev.gatehouse.outbox.OutboxWriter;
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
import java.util.UUID;

/**
 * Install requests: a member asks for an app, an admin approves (which installs it, as the approving admin) or
 * denies. The request is checked when made, so an admin only sees requests that could be approved.
 */
@ApplicationScoped
public class InstallRequestService {

    private final InstallRequestRepository requests;
    private final AppRepository apps;
    private final AppBindingRepository bindings;
    private final DefaultBinding defaults;
    private final CompanyDirectory directory;
    private final PublishedVersions versions;
    private final InstallationService installations;
    private final OutboxWriter outbox;

    public InstallRequestService(InstallRequestRepository requests, AppRepository apps,
            AppBindingRepository bindings, DefaultBinding defaults, CompanyDirectory directory,
            PublishedVersions versions, InstallationService installations, OutboxWriter outbox) {
        this.outbox = outbox;
        this.requests = requests;
        this.apps = apps;
        this.bindings = bindings;
        this.defaults = defaults;
        this.directory = directory;
        this.versions = versions;
        this.installations = installations;
    }

    @WithTransaction
    public Uni<InstallRequest> create(UUID companyId, InstallRequestBody body, Actor actor) {
        ProjectAccess access = body.projectAccess() == null ? ProjectAccess.selected : body.projectAccess();
        if (access != ProjectAccess.selected && body.projectIds() != null) {
            throw ProblemException.invalid("projectIds", "is only for projectAccess 'selected'");
        }
        return directory.require(companyId).chain(company -> apps.findById(body.appId())
                .chain(app -> {
                    if (app == null || !InstallPolicy.visible(app, companyId)) {
                        throw ProblemException.invalid("appId", "is not an app this company can install");
                    }
                    return bindings.find(companyId, app.id).invoke(b -> InstallPolicy.require(app,
                            defaults.effective(app, b), InstallPolicy.Route.REQUEST)).replaceWith(app);
                })
                .call(app -> (body.version() == null ? versions.latest(app.id).map(v -> v.orElseThrow(
                        () -> ProblemException.conflict("This app has no published version yet")))
                        : versions.require(app.id, body.version()))
                        // A request no admin could ever approve is refused now, not left pending.
                        .invoke(version -> InstallationService.requireHighRiskAllowed(company,
                                Grant.of(Manifests.read(version.manifest)), true, "This version asks for")))
                .call(app -> requests.pendingFor(companyId, app.id).invoke(pending -> {
                    if (pending) {
                        throw ProblemException.conflict("An install request for '" + app.name
                                + "' is already waiting for an admin");
                    }
                }))
                .chain(app -> directory.requireOpenProjects(companyId, body.projectIds(), "projectIds")
                        .chain(projectIds -> {
                            InstallRequest r = new InstallRequest();
                            r.id = UUID.randomUUID();
                            r.companyId = companyId;
                            r.appId = app.id;
                            r.appVersion = body.version() == null ? null : body.version().strip();
                            r.projectAccess = access;
                            r.projectIds = projectIds;
                            r.note = body.note() == null ? "" : body.note().strip();
                            r.status = InstallRequestStatus.pending;
                            r.requestedAt = now();
                            r.requestedBy = actor.id();
                            return requests.persistAndFlush(r).call(saved -> announce(AppsEvents.INSTALL_REQUESTED,
                                    saved, actor, new InstallRequested(saved.id, companyId, saved.appId,
                                            saved.appVersion)));
                        })));
    }

    /** Installs what was asked for, as the approving admin; the request and the installation commit together. */
    @WithTransaction
    public Uni<InstallRequest> approve(UUID companyId, UUID requestId, boolean acknowledgeHighRisk, Actor actor) {
        return pending(companyId, requestId).chain(r -> installations.install(companyId,
                        new InstallCommand(r.appId, r.appVersion, r.projectAccess,
                                r.projectAccess == ProjectAccess.selected ? r.projectIds : null,
                                acknowledgeHighRisk),
                        InstallPolicy.Route.REQUEST, actor)
                .chain(installed -> {
                    decide(r, InstallRequestStatus.approved, null, actor);
                    r.installationId = installed.installation().id;
                    return requests.flush().chain(() -> decided(r, actor)).replaceWith(r);
                }));
    }

    @WithTransaction
    public Uni<InstallRequest> deny(UUID companyId, UUID requestId, DenyBody decision, Actor actor) {
        return pending(companyId, requestId).chain(r -> {
            decide(r, InstallRequestStatus.denied, decision, actor);
            return requests.flush().chain(() -> decided(r, actor)).replaceWith(r);
        });
    }

    @WithSession
    public Uni<InstallRequest> get(UUID companyId, UUID requestId) {
        return find(companyId, requestId);
    }

    @WithSession
    public Uni<Page<InstallRequest>> list(UUID companyId, InstallRequestStatus status, PageRequest page) {
        return directory.require(companyId).chain(() -> requests.page(companyId, status, page))
                .map(rows -> page.page(rows, r -> new PageRequest.Position(r.requestedAt, r.id), r -> r));
    }

    private Uni<InstallRequest> pending(UUID companyId, UUID requestId) {
        return find(companyId, requestId).invoke(r -> {
            if (r.status != InstallRequestStatus.pending) {
                throw ProblemException.conflict("Install request " + r.id + " is already " + r.status);
            }
        });
    }

    private Uni<InstallRequest> find(UUID companyId, UUID requestId) {
        return requests.findById(requestId).map(r -> {
            if (r == null || !r.companyId.equals(companyId)) {
                throw ProblemException.notFound("Install request", requestId);
            }
            return r;
        });
    }

    private Uni<Void> decided(InstallRequest r, Actor actor) {
        return announce(AppsEvents.INSTALL_REQUEST_DECIDED, r, actor, new InstallRequestDecided(r.id, r.companyId,
                r.appId, r.status.name(), r.installationId));
    }

    private <P> Uni<Void> announce(EventType<P> type, InstallRequest r, Actor actor, P payload) {
        return outbox.append(EventEnvelope.of(type, AppManagementService.NAME, r.companyId, actor, r.id.toString(),
                payload));
    }

    private static void decide(InstallRequest r, InstallRequestStatus status, DenyBody decision, Actor actor) {
        r.status = status;
        r.decidedAt = now();
        r.decidedBy = actor.id();
        r.decisionNote = decision == null || decision.note() == null ? null : decision.note().strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
