package dev.gatehouse.audit.trail;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.outbox.ProcessedEvents;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Records events in the trail exactly once, and reads the trail back. */
@ApplicationScoped
public class AuditTrailService {

    static final String CONSUMER = "audit-trail";

    private final AuditEventRepository events;
    private final ProcessedEvents processed;

    public AuditTrailService(AuditEventRepository events, ProcessedEvents processed) {
        this.events = events;
        this.processed = processed;
    }

    /** @return true if recorded now, false if this event was already in the trail */
    public Uni<Boolean> record(EventEnvelope envelope, String topic) {
        return processed.processOnce(CONSUMER, envelope, () -> events.persist(toEntry(envelope, topic))
                .replaceWithVoid());
    }

    @WithSession
    public Uni<Page<AuditEventResponse>> list(AuditQuery query, PageRequest request) {
        return events.page(query, request)
                .map(rows -> request.page(rows, e -> new PageRequest.Position(e.occurredAt, e.eventId),
                        AuditEventResponse::of));
    }

    private static AuditEvent toEntry(EventEnvelope envelope, String topic) {
        AuditEvent e = new AuditEvent();
        e.eventId = envelope.eventId();
        e.eventType = envelope.eventType();
        e.eventVersion = envelope.eventVersion();
        e.occurredAt = envelope.occurredAt();
        e.source = envelope.source();
        e.companyId = envelope.companyId();
        e.actorType = envelope.actor().type();
        e.actorId = envelope.actor().id();
        e.targetType = envelope.aggregateType();
        e.targetId = envelope.aggregateId();
        e.topic = topic;
        e.payload = envelope.payload().toString();
        return e;
    }
}
