package dev.gatehouse.token.issue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A token revoked on its own (RFC 7009), kept until it would have expired anyway. */
@Entity
@Table(name = "revoked_token")
public class RevokedToken {

    @Id
    @Column(columnDefinition = "text")
    public String jti;

    @Column(name = "client_id", nullable = false, columnDefinition = "text")
    public String clientId;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
