package dev.gatehouse.audit.trail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventJson;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** An audit entry as the API shows it. */
public record AuditEventResponse(UUID eventId, String type, int version, Instant occurredAt, String source,
        UUID companyId, Actor actor, Target target,
        @Schema(type = SchemaType.OBJECT,
                description = "What the event said, by event type") JsonNode details, Instant recordedAt,
        UUID appId, UUID installationId, String clientId, Chain chain) {

    /** What the event is about. */
    public record Target(String type, String id) {
    }

    /** The entry's place in its company's hash chain (hex SHA-256; the first entry's previous hash is empty). */
    public record Chain(long seq, String previousHash, String hash) {
    }

    static AuditEventResponse of(AuditEvent e) {
        return new AuditEventResponse(e.eventId, e.eventType, e.eventVersion, e.occurredAt, e.source, e.companyId,
                new Actor(e.actorType, e.actorId), new Target(e.targetType, e.targetId), json(e.payload),
                e.recordedAt, e.appId, e.installationId, e.clientId,
                new Chain(e.seq, HexFormat.of().formatHex(e.prevHash), HexFormat.of().formatHex(e.hash)));
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
