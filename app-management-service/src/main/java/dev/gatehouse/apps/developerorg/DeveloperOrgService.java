package dev.gatehouse.apps.developerorg;

import dev.gatehouse.apps.AppManagementService;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.DeveloperOrgCreated;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.problem.UniqueViolation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Creates and reads developer organizations; each change and its event commit together. */
@ApplicationScoped
public class DeveloperOrgService {

    private final DeveloperOrgRepository orgs;
    private final OutboxWriter outbox;

    public DeveloperOrgService(DeveloperOrgRepository orgs, OutboxWriter outbox) {
        this.orgs = orgs;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<DeveloperOrg> create(String rawName, Actor actor) {
        String name = rawName.strip();
        return orgs.nameTaken(name)
                .chain(taken -> {
                    if (taken) {
                        throw duplicate(name);
                    }
                    DeveloperOrg org = new DeveloperOrg();
                    org.id = UUID.randomUUID();
                    org.name = name;
                    org.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    org.createdBy = actor.id();
                    return orgs.persistAndFlush(org);
                })
                .call(org -> outbox.append(EventEnvelope.of(AppsEvents.DEVELOPER_ORG_CREATED,
                        AppManagementService.NAME, null, actor, org.id.toString(),
                        new DeveloperOrgCreated(org.id, org.name))))
                .onFailure(UniqueViolation::is).transform(e -> duplicate(name));
    }

    @WithSession
    public Uni<DeveloperOrg> get(UUID id) {
        return orgs.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Developer organization",
                id));
    }

    @WithSession
    public Uni<Page<DeveloperOrgResponse>> list(PageRequest request, UUID only) {
        return orgs.page(request, only).map(rows -> request.page(rows,
                o -> new PageRequest.Position(o.createdAt, o.id), DeveloperOrgResponse::of));
    }

    /** A page of the organizations where this person's account is an active member. */
    @WithSession
    public Uni<Page<DeveloperOrgResponse>> listOfMember(PageRequest request, UUID accountId) {
        return orgs.pageOfMember(request, accountId).map(rows -> request.page(rows,
                o -> new PageRequest.Position(o.createdAt, o.id), DeveloperOrgResponse::of));
    }

    private static ProblemException duplicate(String name) {
        return ProblemException.conflict("A developer organization named '" + name + "' already exists");
    }
}
