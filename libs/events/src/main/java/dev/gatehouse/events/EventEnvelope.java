package dev.gatehouse.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope every Gatehouse event travels in. {@code eventId} is the consumers' dedupe key; the Kafka key is
 * {@code aggregateId}, so one aggregate's events stay in order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        UUID eventId,
        String eventType,
        int eventVersion,
        Instant occurredAt,
        String source,
        UUID companyId,
        Actor actor,
        String aggregateType,
        String aggregateId,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new envelope for {@code payload}, stamped now (to the microsecond, as PostgreSQL stores it). */
    public static <P> EventEnvelope of(EventType<P> type, String source, UUID companyId, Actor actor,
            String aggregateId, P payload) {
        return new EventEnvelope(UUID.randomUUID(), type.name(), type.version(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), source, companyId, actor, type.aggregateType(),
                aggregateId, EventJson.toTree(payload));
    }

    /** The payload as the record its event type declares. */
    public <P> P payloadAs(EventType<P> type) {
        if (!type.name().equals(eventType)) {
            throw new IllegalArgumentException("envelope holds " + eventType + ", not " + type.name());
        }
        return EventJson.fromTree(payload, type.payloadType());
    }
}
