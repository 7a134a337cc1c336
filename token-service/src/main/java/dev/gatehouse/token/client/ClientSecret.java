package dev.gatehouse.token.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One of a client's secrets, kept only as a keyed hash. */
@Entity
@Table(name = "client_secret")
public class ClientSecret {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false, columnDefinition = "text")
    public String clientId;

    @Column(name = "secret_hash", nullable = false)
    public byte[] secretHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Null: valid until revoked. Set when a rotation gives the old secret a grace period. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public static ClientSecret of(String clientId, byte[] secretHash, Instant now) {
        ClientSecret secret = new ClientSecret();
        secret.id = UUID.randomUUID();
        secret.clientId = clientId;
        secret.secretHash = secretHash;
        secret.createdAt = now;
        return secret;
    }

    /** Live secrets expire at {@code grace} at the latest (a rotation's grace period). */
    public void expireBy(Instant grace) {
        if (expiresAt == null || expiresAt.isAfter(grace)) {
            expiresAt = grace;
        }
    }

    public boolean liveAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
