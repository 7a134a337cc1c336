package dev.gatehouse.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a consumer could not apply after bounded retries, or one that waits behind such an event of the same
 * aggregate. It stays open until an operator replays it (the effect ran) or discards it.
 */
@Entity
@Table(name = "parked_event")
public class ParkedEvent {

    public static final String REPLAYED = "replayed";
    public static final String DISCARDED = "discarded";

    @Id
    public UUID id;

    @Column(nullable = false, columnDefinition = "text")
    public String consumer;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false, columnDefinition = "text")
    public String topic;

    @Column(name = "kafka_partition", nullable = false)
    public int partition;

    @Column(name = "kafka_offset", nullable = false)
    public long offset;

    /** The Kafka key: the aggregate whose later events wait behind this one. */
    @Column(name = "aggregate_key", columnDefinition = "text")
    public String aggregateKey;

    @Column(name = "event_type", nullable = false, columnDefinition = "text")
    public String eventType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String envelope;

    /** Why it failed: the failure's class and message, never the payload. */
    @Column(nullable = false, columnDefinition = "text")
    public String error;

    @Column(nullable = false)
    public int attempts;

    /** The open parked event of the same aggregate that this one waits behind, if that is why it is here. */
    public UUID behind;

    @Column(name = "parked_at", nullable = false)
    public Instant parkedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(columnDefinition = "text")
    public String resolution;

    public boolean isOpen() {
        return resolvedAt == null;
    }

    /** The operator's replay applied it. */
    public void replayed(Instant now) {
        resolvedAt = now;
        resolution = REPLAYED;
    }

    /** The operator chose to skip it for good. */
    public void discarded(Instant now) {
        resolvedAt = now;
        resolution = DISCARDED;
    }

    /** A replay failed again: it stays parked, with the new reason. */
    public void failedAgain(String reason) {
        attempts++;
        error = reason;
    }
}
