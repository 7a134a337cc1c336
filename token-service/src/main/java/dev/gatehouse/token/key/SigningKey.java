package dev.gatehouse.token.key;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A token signing key pair; the private half only ever stored encrypted. */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    public static final String ACTIVE = "active";
    public static final String PREVIOUS = "previous";
    public static final String RETIRED = "retired";

    @Id
    @Column(columnDefinition = "text")
    public String kid;

    @Column(nullable = false, columnDefinition = "text")
    public String algorithm;

    /** The public key as a JWK (RFC 7517), as JWKS publishes it. */
    @Column(name = "public_jwk", nullable = false, columnDefinition = "text")
    public String publicJwk;

    @Column(name = "private_key", nullable = false)
    public byte[] privateKey;

    /** active: signs new tokens; previous: still verifies; retired: verifies nothing. */
    @Column(nullable = false, columnDefinition = "text")
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Version
    public long version;
}
