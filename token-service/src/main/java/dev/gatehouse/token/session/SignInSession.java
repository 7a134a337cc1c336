package dev.gatehouse.token.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A browser signed in as an account: the cookie holds a random value, this row its keyed hash. */
@Entity
@Table(name = "sign_in_session")
public class SignInSession {

    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false)
    public byte[] tokenHash;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    /** When the person last proved who they are (OIDC Core §2 {@code auth_time}). */
    @Column(name = "auth_time", nullable = false)
    public Instant authTime;

    /** How they proved it (RFC 8176 values, space-separated): {@code pwd}, later {@code pwd otp}. */
    @Column(nullable = false, columnDefinition = "text")
    public String amr;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "user_agent", length = 300)
    public String userAgent;

    @Column(name = "source_address", length = 64)
    public String sourceAddress;

    public boolean liveAt(Instant now) {
        return endedAt == null && expiresAt.isAfter(now);
    }

    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }
}
