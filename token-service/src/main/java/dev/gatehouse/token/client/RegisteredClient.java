package dev.gatehouse.token.client;

import dev.gatehouse.events.token.TokenIssued;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the OAuth endpoints need to know about a client, as an immutable copy that can be kept in memory
 * ({@link ClientCache}): who owns it, what it may do, whether it is enabled, and its secrets' keyed hashes.
 * {@code legacyUserId} is set only for a legacy service account's client, {@code serviceUserId} only for a company
 * service account's: the directory user its tokens act as.
 */
public record RegisteredClient(String clientId, ClientOwner owner, List<String> grantTypes, List<String> scopes,
        int tokenLifetimeSeconds, String signingAlgorithm, boolean enabled, Instant tokensValidAfter, String jwks,
        String jwksUri, List<Secret> secrets, UUID legacyUserId, String name, List<String> redirectUris,
        List<String> postLogoutRedirectUris, boolean publicClient, UUID serviceUserId) {

    /** One secret: its id, keyed hash, and expiry (null: until revoked). */
    public record Secret(UUID id, byte[] hash, Instant expiresAt) {
        public boolean liveAt(Instant now) {
            return expiresAt == null || expiresAt.isAfter(now);
        }
    }

    static RegisteredClient of(Client c, List<ClientSecret> secrets) {
        return new RegisteredClient(c.clientId, new ClientOwner(c.ownerType, c.ownerId), List.copyOf(c.grantTypeList()),
                List.copyOf(c.scopeList()), c.tokenLifetimeSeconds, c.signingAlgorithm, c.enabled, c.tokensValidAfter,
                c.jwks, c.jwksUri, secrets.stream().map(s -> new Secret(s.id, s.secretHash.clone(), s.expiresAt))
                        .toList(), c.legacyUserId, c.name, List.copyOf(c.redirectUriList()),
                List.copyOf(c.postLogoutRedirectUriList()), c.publicClient, c.serviceUserId);
    }

    public boolean isPlatform() {
        return Client.OWNER_PLATFORM.equals(owner.type());
    }

    /** An app's client (owned by its developer organization): its tokens are per installation. */
    public boolean isApp() {
        return Client.OWNER_DEVELOPER_ORG.equals(owner.type());
    }

    /** A legacy service account's client: its tokens act as the account's directory user. */
    public boolean isLegacy() {
        return legacyUserId != null;
    }

    /** One of the platform's own applications people sign in to: they are never asked for consent. */
    public boolean isFirstParty() {
        return Client.OWNER_FIRST_PARTY.equals(owner.type());
    }

    /** What kind of credential this client's client_credentials tokens come from (TokenIssued, the inventory). */
    public String credentialKind() {
        if (isPlatform()) {
            return TokenIssued.KIND_PLATFORM;
        }
        if (isLegacy()) {
            return TokenIssued.KIND_LEGACY_SERVICE_ACCOUNT;
        }
        return isApp() ? TokenIssued.KIND_APP : TokenIssued.KIND_SERVICE_ACCOUNT;
    }

    public boolean hasRegisteredKeys() {
        return jwks != null || jwksUri != null;
    }

    public List<Secret> liveSecrets(Instant now) {
        return secrets.stream().filter(s -> s.liveAt(now)).toList();
    }
}
