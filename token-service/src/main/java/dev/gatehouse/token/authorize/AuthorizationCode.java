package dev.gatehouse.token.authorize;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An authorization code (RFC 6749 §4.1.2), stored only as its keyed hash, redeemable once. */
@Entity
@Table(name = "authorization_code")
public class AuthorizationCode {

    @Id
    @Column(name = "code_hash", columnDefinition = "text")
    public String codeHash;

    @Column(name = "client_id", nullable = false, columnDefinition = "text")
    public String clientId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "redirect_uri", nullable = false, columnDefinition = "text")
    public String redirectUri;

    @Column(name = "code_challenge", nullable = false, columnDefinition = "text")
    public String codeChallenge;

    @Column(nullable = false, columnDefinition = "text")
    public String scope;

    @Column(length = 500)
    public String nonce;

    @Column(name = "auth_time", nullable = false)
    public Instant authTime;

    @Column(nullable = false, columnDefinition = "text")
    public String amr;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "redeemed_at")
    public Instant redeemedAt;

    /** The company an app was authorized in; null for a first-party application's code. */
    @Column(name = "company_id")
    public UUID companyId;

    /** The installation the app acts through there; null for a first-party application's code. */
    @Column(name = "installation_id")
    public UUID installationId;

    /** The grant this code starts: the refresh tokens it leads to share it, so a replayed code can end them all. */
    @Column(name = "family_id", nullable = false)
    public UUID familyId;
}
