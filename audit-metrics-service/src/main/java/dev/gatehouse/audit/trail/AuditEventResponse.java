package dev.gatehouse.audit.trail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventJson;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/** An audit entry as the API shows it. */
public record AuditEventResponse(UUID eventId, String type, int version, Instant occurredAt, String source,
        UUID companyId, Actor actor, Target target,
        @Schema(type = SchemaType.OBJECT,
                description = "What the event said, by event type") JsonNode details, Instant recordedAt) {

    /** What the event is about. */
    public record Target(String type, String id) {
    }

    static AuditEventResponse of(AuditEvent e) {
        return new AuditEventResponse(e.eventId, e.eventType, e.eventVersion, e.occurredAt, e.source, e.companyId,
                new Actor(e.actorType, e.actorId), new Target(e.targetType, e.targetId), json(e.payload),
                e.recordedAt);
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
