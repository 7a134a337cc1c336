package dev.gatehouse.audit.trail;

import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the trail back ({@link AuditTrailWriter} appends to it). */
@ApplicationScoped
public class AuditTrailService {

    private final AuditEventRepository events;

    public AuditTrailService(AuditEventRepository events) {
        this.events = events;
    }

    @WithSession
    public Uni<Page<AuditEventResponse>> list(AuditQuery query, PageRequest request) {
        return events.page(query, request)
                .map(rows -> request.page(rows, e -> new PageRequest.Position(e.occurredAt, e.eventId),
                        AuditEventResponse::of));
    }
}
