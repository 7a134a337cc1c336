package dev.gatehouse.token.password;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A password reset link: its keyed hash, whose account, until when, and whether it was used. */
@Entity
@Table(name = "password_reset")
public class PasswordReset {

    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false, columnDefinition = "text")
    public String tokenHash;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    public boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
