package dev.gatehouse.outbox;

import dev.gatehouse.events.EventCatalog;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.EventType;
import dev.gatehouse.web.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;

/**
 * Writes an event into the outbox table inside the caller's current transaction, so the event exists exactly when
 * the state change that caused it commits (no dual write). Call it from within {@code @WithTransaction} or
 * {@code Panache.withTransaction}.
 */
@ApplicationScoped
public class OutboxWriter {

    // The inner cast makes the parameter text: bound straight to jsonb, the reactive client would store the
    // Java String as a JSON string value instead of parsing it.
    private static final String INSERT = """
            insert into outbox_event (event_id, topic, kafka_key, event_type, envelope)
            values (:eventId, :topic, :key, :type, cast(cast(:envelope as text) as jsonb))
            """;

    private final OutboxConfig config;

    public OutboxWriter(OutboxConfig config) {
        this.config = config;
    }

    /**
     * Appends the event, or refuses it with a 422 problem (the caller's transaction then commits nothing) when it is
     * larger than Kafka would take: one oversized row would otherwise hold up the relay for every tenant.
     */
    public Uni<Void> append(EventEnvelope envelope) {
        EventType<?> type = EventCatalog.byName(envelope.eventType())
                .orElseThrow(() -> new IllegalArgumentException("unregistered event type " + envelope.eventType()));
        String json = EventJson.serialize(envelope);
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxEventBytes()) {
            return Uni.createFrom().failure(ProblemException.of(422, "event-too-large", "Change too large",
                    "This change would be announced as a " + envelope.eventType() + " event of " + bytes
                            + " bytes; events are limited to " + config.maxEventBytes() + " bytes. Make the change "
                            + "in smaller steps (for example, fewer projects at a time)."));
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("eventId", envelope.eventId())
                        .setParameter("topic", type.topic())
                        .setParameter("key", envelope.aggregateId())
                        .setParameter("type", envelope.eventType())
                        .setParameter("envelope", json)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
