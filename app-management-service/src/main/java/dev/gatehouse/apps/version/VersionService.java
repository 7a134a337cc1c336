package dev.gatehouse.apps.version;

import dev.gatehouse.apps.AppManagementService;
import dev.gatehouse.apps.app.App;
import dev.gatehouse.apps.app.AppKind;
import dev.gatehouse.apps.app.AppRepository;
import dev.gatehouse.apps.app.ListingStatus;
import dev.gatehouse.apps.manifest.Manifests;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.apps.AppManifest;
import dev.gatehouse.events.apps.AppVersionPublished;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.problem.UniqueViolation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.semver4j.Semver;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An app's versions: drafts that developers edit, and published versions that never change. Versions are
 * semantic versions (semver4j) and each new one must be higher than every version the app already has, so
 * "newer" always means what an admin expects when an upgrade is offered.
 */
@ApplicationScoped
public class VersionService {

    private final AppVersionRepository versions;
    private final AppRepository apps;
    private final OutboxWriter outbox;
    private final VersionPublication upgrades;

    public VersionService(AppVersionRepository versions, AppRepository apps, OutboxWriter outbox,
            VersionPublication upgrades) {
        this.versions = versions;
        this.apps = apps;
        this.outbox = outbox;
        this.upgrades = upgrades;
    }

    @WithTransaction
    public Uni<AppVersion> draft(App app, String rawVersion, AppManifest manifest, Actor actor) {
        String version = rawVersion.strip();
        Semver semver = Semver.parse(version);
        if (semver == null) {
            throw ProblemException.invalid("version", "must be a semantic version such as 1.0.0 (semver.org)");
        }
        return versions.ofApp(app.id).chain(existing -> {
            requireHigherThanAll(existing, semver);
            Instant now = now();
            AppVersion v = new AppVersion();
            v.appId = app.id;
            v.version = semver.getVersion();
            v.status = VersionStatus.draft;
            v.manifest = Manifests.write(manifest);
            v.createdAt = now;
            v.createdBy = actor.id();
            v.updatedAt = now;
            return versions.persistAndFlush(v);
        }).onFailure(UniqueViolation::is).transform(e -> ProblemException.conflict(
                "Version " + version + " of this app already exists"));
    }

    @WithTransaction
    public Uni<AppVersion> replaceManifest(App app, String version, AppManifest manifest) {
        return get(app, version).chain(v -> {
            requireDraft(v);
            v.manifest = Manifests.write(manifest);
            v.updatedAt = now();
            return versions.flush().replaceWith(v);
        });
    }

    /**
     * Publishing a published version again changes nothing and publishes nothing. Publishing offers the version
     * to every installation on an older one ({@link VersionPublication}), in the same transaction.
     */
    @WithTransaction
    public Uni<AppVersion> publish(App app, String version, Actor actor) {
        return get(app, version).chain(v -> {
            if (v.status == VersionStatus.published) {
                return Uni.createFrom().item(v);
            }
            v.status = VersionStatus.published;
            v.publishedAt = now();
            v.publishedBy = actor.id();
            v.updatedAt = v.publishedAt;
            return versions.flush().call(() -> listOrAskForReview(app, v.publishedAt)).replaceWith(v)
                    .call(published -> outbox.append(EventEnvelope.of(AppsEvents.APP_VERSION_PUBLISHED,
                            AppManagementService.NAME, app.owningCompanyId, actor, app.id.toString(),
                            new AppVersionPublished(app.id, app.developerOrgId, app.clientId, published.version,
                                    Manifests.read(published.manifest)))))
                    .call(published -> upgrades.published(app, published.version, Manifests.read(published.manifest),
                            actor));
        });
    }

    /**
     * A company's own app is listed by its first published version; a marketplace app waits for a platform admin's
     * review (ListingReviewService), asked for again by a new version after a rejection.
     */
    private Uni<Integer> listOrAskForReview(App app, Instant now) {
        return app.kind == AppKind.company
                ? apps.update("listedAt = ?1 where id = ?2 and listedAt is null", now, app.id)
                : apps.update("listingStatus = ?1 where id = ?2 and listingStatus in ?3", ListingStatus.pending,
                        app.id, List.of(ListingStatus.unlisted, ListingStatus.rejected));
    }

    @WithSession
    public Uni<AppVersion> get(App app, String version) {
        return versions.find(app.id, version)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Version", version + " of app " + app.id));
    }

    @WithSession
    public Uni<List<AppVersion>> list(App app) {
        return versions.ofApp(app.id);
    }

    private static void requireHigherThanAll(List<AppVersion> existing, Semver candidate) {
        for (AppVersion v : existing) {
            Semver other = Semver.parse(v.version);
            if (other != null && !candidate.isGreaterThan(other)) {
                throw ProblemException.conflict("Version " + candidate.getVersion() + " is not higher than "
                        + v.version + ", which this app already has");
            }
        }
    }

    private static void requireDraft(AppVersion v) {
        if (v.status == VersionStatus.published) {
            throw ProblemException.conflict("Version " + v.version + " is published and can no longer change; "
                    + "create a new version instead");
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
