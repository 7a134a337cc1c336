package dev.gatehouse.apps.listingreview;

import dev.gatehouse.apps.AppManagementService;
import dev.gatehouse.apps.app.App;
import dev.gatehouse.apps.app.AppKind;
import dev.gatehouse.apps.app.AppRepository;
import dev.gatehouse.apps.app.AppResponse;
import dev.gatehouse.apps.app.ListingStatus;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.apps.AppListingReviewed;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The platform's review of marketplace listings (Canvas: the platform issues the inherited keys admins then vet): a
 * marketplace app reaches companies' catalogues only once a platform admin approved it; a rejection keeps it out
 * with a reason the developer sees. Each decision is announced as {@code AppListingReviewed}, in its transaction.
 */
@ApplicationScoped
public class ListingReviewService {

    private final AppRepository apps;
    private final OutboxWriter outbox;
    private final Clock clock;

    public ListingReviewService(AppRepository apps, OutboxWriter outbox, Clock clock) {
        this.apps = apps;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<Page<AppResponse>> queue(ListingStatus status, PageRequest request) {
        return apps.withListing(status, request).map(rows -> request.page(rows,
                a -> new PageRequest.Position(a.createdAt, a.id), AppResponse::of));
    }

    @WithTransaction
    public Uni<App> decide(UUID appId, boolean approve, String note, Actor actor) {
        String text = note == null || note.isBlank() ? null : note.strip();
        if (!approve && text == null) {
            throw ProblemException.invalid("note", "is required to reject: the developer sees it as the reason");
        }
        return apps.findById(appId).chain(app -> {
            if (app == null) {
                throw ProblemException.notFound("App", appId);
            }
            if (app.kind == AppKind.company) {
                throw ProblemException.conflict("'" + app.name + "' is a company's own app: it needs no review");
            }
            if (app.listingStatus != ListingStatus.pending) {
                throw ProblemException.conflict("'" + app.name + "' is not waiting for review (its listing is "
                        + app.listingStatus + ")");
            }
            app.reviewed(approve, text, actor.id(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
            return apps.flush().replaceWith(app).call(reviewed -> outbox.append(EventEnvelope.of(
                    AppsEvents.APP_LISTING_REVIEWED, AppManagementService.NAME, null, actor, app.id.toString(),
                    new AppListingReviewed(app.id, app.developerOrgId, approve ? AppListingReviewed.APPROVED
                            : AppListingReviewed.REJECTED, text))));
        });
    }
}
