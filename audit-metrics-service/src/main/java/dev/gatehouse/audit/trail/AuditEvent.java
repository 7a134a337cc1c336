package dev.gatehouse.audit.trail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the audit trail: who did what to which target, in which company, when; read only here
 * ({@link AuditTrailWriter} appends).
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type", nullable = false, columnDefinition = "text")
    public String eventType;

    @Column(name = "event_version", nullable = false)
    public int eventVersion;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false, columnDefinition = "text")
    public String source;

    @Column(name = "company_id")
    public UUID companyId;

    @Column(name = "actor_type", nullable = false, columnDefinition = "text")
    public String actorType;

    @Column(name = "actor_id", nullable = false, columnDefinition = "text")
    public String actorId;

    @Column(name = "target_type", nullable = false, columnDefinition = "text")
    public String targetType;

    @Column(name = "target_id", nullable = false, columnDefinition = "text")
    public String targetId;

    @Column(nullable = false, columnDefinition = "text")
    public String topic;

    /** The event's payload as JSON text (events never carry secrets). */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "recorded_at", nullable = false, insertable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "app_id", insertable = false, updatable = false)
    public UUID appId;

    @Column(name = "installation_id", insertable = false, updatable = false)
    public UUID installationId;

    @Column(name = "client_id", insertable = false, updatable = false, columnDefinition = "text")
    public String clientId;

    /** Its number in its company's hash chain ({@link ChainHash}). */
    @Column(insertable = false, updatable = false)
    public long seq;

    @Column(name = "prev_hash", insertable = false, updatable = false)
    public byte[] prevHash;

    @Column(insertable = false, updatable = false)
    public byte[] hash;
}
