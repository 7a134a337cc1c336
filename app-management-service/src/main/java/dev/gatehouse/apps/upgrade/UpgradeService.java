package dev.gatehouse.apps.upgrade;

import dev.gatehouse.apps.AppManagementService;
import dev.gatehouse.apps.app.App;
import dev.gatehouse.apps.company.CompanyDirectory;
import dev.gatehouse.apps.installation.Grant;
import dev.gatehouse.apps.installation.Installation;
import dev.gatehouse.apps.installation.InstallationEvents;
import dev.gatehouse.apps.installation.InstallationRepository;
import dev.gatehouse.apps.installation.InstallationService;
import dev.gatehouse.apps.installation.InstallationStatus;
import dev.gatehouse.apps.manifest.Manifests;
import dev.gatehouse.apps.version.AppVersionRepository;
import dev.gatehouse.apps.version.PublishedVersions;
import dev.gatehouse.apps.version.VersionPublication;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.apps.AppManifest;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.InstallationPermissionsChanged;
import dev.gatehouse.events.apps.InstallationUpgraded;
import dev.gatehouse.events.apps.UpgradeRequestDecided;
import dev.gatehouse.events.apps.UpgradeRequested;
import dev.gatehouse.outbox.OutboxWriter;
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
 * Moves installations to newer versions. When a version is published, each installation on an older one is
 * offered it:
 * <ul>
 *   <li>if the new version adds nothing (no tool raised, no scope added), the installation moves to it at once;</li>
 *   <li>otherwise whatever it drops applies at once ({@code InstallationPermissionsChanged}), and an upgrade
 *   request with the exact diff waits for an admin; approving moves the installation to the version
 *   ({@code InstallationUpgraded}), rejecting keeps the current one.</li>
 * </ul>
 * A newer version's request supersedes an older pending one.
 */
@ApplicationScoped
public class UpgradeService implements VersionPublication {

    private final InstallationRepository installations;
    private final InstallationService installationService;
    private final UpgradeRequestRepository requests;
    private final AppVersionRepository versions;
    private final CompanyDirectory directory;
    private final InstallationEvents events;
    private final OutboxWriter outbox;

    public UpgradeService(InstallationRepository installations, InstallationService installationService,
            UpgradeRequestRepository requests, AppVersionRepository versions, CompanyDirectory directory,
            InstallationEvents events, OutboxWriter outbox) {
        this.outbox = outbox;
        this.installations = installations;
        this.installationService = installationService;
        this.requests = requests;
        this.versions = versions;
        this.directory = directory;
        this.events = events;
    }

    /** Inside the publishing transaction: offers {@code version} to every installation on an older one. */
    @Override
    public Uni<Void> published(App app, String version, AppManifest manifest, Actor actor) {
        Grant next = Grant.of(manifest);
        return installations.ofApp(app.id).chain(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Installation i : list) {
                if (PublishedVersions.isNewer(version, i.appVersion)) {
                    chain = chain.chain(() -> offer(app, i, version, next, actor));
                }
            }
            return chain;
        });
    }

    private Uni<Void> offer(App app, Installation i, String version, Grant next, Actor actor) {
        GrantDiff diff = GrantDiff.between(i.grants, next);
        if (!diff.addsAnything()) {
            String from = i.appVersion;
            i.appVersion = version;
            i.grant(next);
            i.touched(actor.id(), now());
            return requests.supersedePending(i.id).chain(() -> installations.flush())
                    .chain(() -> events.publish(AppsEvents.INSTALLATION_UPGRADED, i, actor,
                            new InstallationUpgraded(InstallationEvents.stateOf(i, app), from)));
        }
        Grant kept = i.grants.keepingOnlyWhatIsIn(next);
        Uni<Void> removals = Uni.createFrom().voidItem();
        if (!kept.equals(i.grants)) {
            i.grant(kept);
            i.touched(actor.id(), now());
            removals = installations.flush().chain(() -> events.publish(AppsEvents.INSTALLATION_PERMISSIONS_CHANGED,
                    i, actor, new InstallationPermissionsChanged(InstallationEvents.stateOf(i, app), "version "
                            + version + " no longer asks for some permissions: they are removed at once, while "
                            + "what it adds waits for an admin's approval")));
        }
        UpgradeRequest request = new UpgradeRequest();
        request.id = UUID.randomUUID();
        request.installationId = i.id;
        request.companyId = i.companyId;
        request.appId = i.appId;
        request.fromVersion = i.appVersion;
        request.toVersion = version;
        request.diff = diff;
        request.highRisk = next.highRisk() && !i.highRisk;
        request.status = UpgradeStatus.pending;
        request.createdAt = now();
        return removals.chain(() -> requests.supersedePending(i.id))
                .chain(() -> requests.persistAndFlush(request))
                .chain(saved -> announce(AppsEvents.UPGRADE_REQUESTED, saved, actor, new UpgradeRequested(saved.id,
                        saved.installationId, saved.companyId, saved.appId, saved.fromVersion, saved.toVersion,
                        diff.additions(), saved.highRisk)));
    }

    @WithTransaction
    public Uni<UpgradeRequest> approve(UUID companyId, UUID installationId, UUID requestId, Boolean acknowledgeHighRisk,
            Actor actor) {
        return pending(companyId, installationId, requestId).chain(request -> installationService
                .current(companyId, installationId).chain(found -> {
                    Installation i = found.installation();
                    if (i.status == InstallationStatus.uninstalled) {
                        throw ProblemException.conflict("Installation " + i.id + " is uninstalled");
                    }
                    return versions.find(i.appId, request.toVersion).chain(v -> directory.require(companyId)
                            .chain(company -> {
                                Grant target = Grant.of(Manifests.read(v.manifest));
                                if (target.highRisk() && !i.highRisk) {
                                    InstallationService.requireHighRiskAllowed(company, target, acknowledgeHighRisk);
                                }
                                String from = i.appVersion;
                                i.appVersion = request.toVersion;
                                i.grant(target);
                                i.touched(actor.id(), now());
                                decide(request, UpgradeStatus.approved, actor);
                                return installations.flush().chain(() -> events.publish(
                                        AppsEvents.INSTALLATION_UPGRADED, i, actor,
                                        new InstallationUpgraded(InstallationEvents.stateOf(i, found.app()), from)))
                                        .chain(() -> decided(request, actor));
                            }));
                }).replaceWith(request));
    }

    @WithTransaction
    public Uni<UpgradeRequest> reject(UUID companyId, UUID installationId, UUID requestId, Actor actor) {
        return pending(companyId, installationId, requestId).chain(request -> {
            decide(request, UpgradeStatus.rejected, actor);
            return requests.flush().chain(() -> decided(request, actor)).replaceWith(request);
        });
    }

    @WithSession
    public Uni<List<UpgradeRequest>> list(UUID companyId, UUID installationId) {
        return installationService.current(companyId, installationId)
                .chain(found -> requests.ofInstallation(installationId));
    }

    @WithSession
    public Uni<UpgradeRequest> get(UUID companyId, UUID installationId, UUID requestId) {
        return find(companyId, installationId, requestId);
    }

    private Uni<UpgradeRequest> pending(UUID companyId, UUID installationId, UUID requestId) {
        return find(companyId, installationId, requestId).invoke(r -> {
            if (r.status != UpgradeStatus.pending) {
                throw ProblemException.conflict("Upgrade request " + r.id + " is " + r.status
                        + " and can no longer be decided");
            }
        });
    }

    private Uni<UpgradeRequest> find(UUID companyId, UUID installationId, UUID requestId) {
        return requests.findById(requestId).map(r -> {
            if (r == null || !r.companyId.equals(companyId) || !r.installationId.equals(installationId)) {
                throw ProblemException.notFound("Upgrade request", requestId);
            }
            return r;
        });
    }

    private Uni<Void> decided(UpgradeRequest r, Actor actor) {
        return announce(AppsEvents.UPGRADE_REQUEST_DECIDED, r, actor, new UpgradeRequestDecided(r.id,
                r.installationId, r.companyId, r.appId, r.toVersion, r.status.name()));
    }

    private <P> Uni<Void> announce(EventType<P> type, UpgradeRequest r, Actor actor, P payload) {
        return outbox.append(EventEnvelope.of(type, AppManagementService.NAME, r.companyId, actor, r.id.toString(),
                payload));
    }

    private static void decide(UpgradeRequest request, UpgradeStatus status, Actor actor) {
        request.status = status;
        request.decidedAt = now();
        request.decidedBy = actor.id();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
