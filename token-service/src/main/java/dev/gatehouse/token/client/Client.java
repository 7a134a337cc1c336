package dev.gatehouse.token.client;

import dev.gatehouse.token.oauth.GrantTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An OAuth 2.0 client: a company's service account, an app of a developer organization, or the platform's own. */
@Entity
@Table(name = "client")
public class Client {

    public static final String OWNER_COMPANY = "company";
    public static final String OWNER_DEVELOPER_ORG = "developer_org";
    public static final String OWNER_PLATFORM = "platform";
    /** The platform's own applications that people sign in to (the console, developer tools): no consent asked. */
    public static final String OWNER_FIRST_PARTY = "first_party";

    @Id
    @Column(name = "client_id", columnDefinition = "text")
    public String clientId;

    public static final int MAX_NAME = 200;
    /** As long as app-management allows an app's description, so an app's client can always carry it. */
    public static final int MAX_DESCRIPTION = 2000;

    @Column(nullable = false, length = MAX_NAME)
    public String name;

    @Column(length = MAX_DESCRIPTION)
    public String description;

    @Column(name = "owner_type", nullable = false, columnDefinition = "text")
    public String ownerType;

    @Column(name = "owner_id")
    public UUID ownerId;

    /** Space-separated, as in RFC 6749's scope syntax. */
    @Column(name = "grant_types", nullable = false, columnDefinition = "text")
    public String grantTypes;

    /** Space-separated allowed scopes. */
    @Column(nullable = false, columnDefinition = "text")
    public String scopes;

    @Column(name = "token_lifetime_s", nullable = false)
    public int tokenLifetimeSeconds;

    @Column(name = "signing_alg", nullable = false, columnDefinition = "text")
    public String signingAlgorithm;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "disabled_reason", length = 500)
    public String disabledReason;

    /** Public keys for private_key_jwt (RFC 7523), a JWK Set document; or null. */
    @Column(columnDefinition = "text")
    public String jwks;

    /** Where the client serves its JWK Set, for private_key_jwt; or null. */
    @Column(name = "jwks_uri", columnDefinition = "text")
    public String jwksUri;

    /** The legacy service account (app-management) this company client belongs to, or null. Deprecated. */
    @Column(name = "legacy_account_id")
    public UUID legacyAccountId;

    /** That account's directory user: the {@code sub} of its tokens. */
    @Column(name = "legacy_user_id")
    public UUID legacyUserId;

    /**
     * A company service account's user in its company's directory (the {@code sub} of its tokens); null for every
     * other client, a legacy service account's included (it has {@link #legacyUserId}).
     */
    @Column(name = "service_user_id")
    public UUID serviceUserId;

    /** The service account's permissions, {@code {"company": {tool: level}, "project": {tool: level}}}. */
    @Column(name = "service_permissions", columnDefinition = "text")
    public String servicePermissions;

    /** Space-separated ids of the service account's projects. */
    @Column(name = "service_project_ids", nullable = false, columnDefinition = "text")
    public String serviceProjectIds = "";

    /** Increases with every change to the service account's state (ServiceAccountChanged). */
    @Column(name = "service_revision", nullable = false)
    public int serviceRevision;

    /** Space-separated absolute URIs, compared exactly (RFC 9700 §2.1); empty for clients without sign-in. */
    @Column(name = "redirect_uris", nullable = false, columnDefinition = "text")
    public String redirectUris = "";

    /** Where RP-initiated logout may send the browser back to (OpenID Connect RP-Initiated Logout §2). */
    @Column(name = "post_logout_redirect_uris", nullable = false, columnDefinition = "text")
    public String postLogoutRedirectUris = "";

    /** A public client (RFC 6749 §2.1) has no secret; PKCE alone ties its code to it. */
    @Column(name = "public_client", nullable = false)
    public boolean publicClient;

    /** Tokens issued before this instant are revoked ({@code revoke-tokens}, disable, delete, regenerate). */
    @Column(name = "tokens_valid_after", nullable = false)
    public Instant tokensValidAfter;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, columnDefinition = "text")
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, columnDefinition = "text")
    public String updatedBy;

    @Version
    public long version;

    /**
     * A new, enabled client that may use client_credentials. Tokens carry whole-second {@code iat}, so its cutoff
     * is whole seconds too: tokens from this second count.
     */
    public static Client register(String clientId, String name, String description, ClientOwner owner,
            List<String> scopes, int tokenLifetimeSeconds, String signingAlgorithm, String actorId, Instant now) {
        Client c = new Client();
        c.clientId = clientId;
        c.name = name;
        c.description = description;
        c.ownerType = owner.type();
        c.ownerId = owner.id();
        c.grantTypes = GrantTypes.CLIENT_CREDENTIALS;
        c.scopes = String.join(" ", scopes);
        c.tokenLifetimeSeconds = tokenLifetimeSeconds;
        c.signingAlgorithm = signingAlgorithm;
        c.enabled = true;
        c.tokensValidAfter = now.truncatedTo(ChronoUnit.SECONDS);
        c.createdAt = now;
        c.createdBy = actorId;
        c.updatedAt = now;
        c.updatedBy = actorId;
        return c;
    }

    /** A company's own service account (not a legacy service account's client): it has a directory user. */
    public boolean isServiceAccount() {
        return OWNER_COMPANY.equals(ownerType) && legacyAccountId == null;
    }

    public ClientOwner owner() {
        return new ClientOwner(ownerType, ownerId);
    }

    public void touch(String actorId, Instant now) {
        updatedAt = now;
        updatedBy = actorId;
    }

    /** Enabled again (its old tokens stay dead); returns whether that changed anything. */
    public boolean enable() {
        boolean change = !enabled;
        enabled = true;
        disabledReason = null;
        return change;
    }

    /**
     * Every token issued so far stops being valid, and the returned instant is the new cutoff. Tokens carry
     * whole-second {@code iat}, so the cutoff is the next whole second: none issued in this second survives.
     */
    public Instant cutOffTokens(Instant now) {
        tokensValidAfter = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return tokensValidAfter;
    }

    /**
     * Disabled: the client cannot authenticate, and the tokens it holds die for good; enabling it again does not
     * bring them back. Returns whether it was enabled before.
     */
    public boolean disable(String reason, Instant now) {
        boolean wasEnabled = enabled;
        enabled = false;
        disabledReason = reason;
        if (wasEnabled) {
            cutOffTokens(now);
        }
        return wasEnabled;
    }

    public List<String> scopeList() {
        return split(scopes);
    }

    public List<String> redirectUriList() {
        return split(redirectUris);
    }

    public List<String> postLogoutRedirectUriList() {
        return split(postLogoutRedirectUris);
    }

    public List<String> grantTypeList() {
        return split(grantTypes);
    }

    static List<String> split(String spaced) {
        return spaced == null || spaced.isBlank() ? List.of() : Arrays.asList(spaced.trim().split(" +"));
    }
}
