package dev.gatehouse.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code gatehouse.token.*}: the authorization server's settings. */
@ConfigMapping(prefix = "gatehouse.token")
public interface TokenConfig {

    /** This server's issuer identifier (RFC 8414 §2): the {@code iss} of every token, the base of discovery. */
    String issuer();

    /** The {@code aud} of access tokens for Gatehouse's own APIs. */
    @WithDefault("gatehouse")
    String audience();

    /** 32 bytes, base64: encrypts signing keys at rest (AES-256-GCM). Losing it makes stored keys unusable. */
    String keyEncryptionKey();

    /** At least 32 bytes, base64: the HMAC key client secrets are hashed with. Changing it invalidates secrets. */
    String secretHashKey();

    /** Token lifetime for new clients. */
    @WithDefault("1h")
    Duration defaultTokenLifetime();

    /** Signing algorithm for new clients; see docs/security.md for why. */
    @WithDefault("RS256")
    String defaultSigningAlgorithm();

    /** The platform-admin client created on first start, if it does not exist yet (with its secret). */
    Optional<String> adminClientId();

    /** The platform-admin client's secret; at least 32 characters. Only its keyed hash is stored. */
    Optional<String> adminClientSecret();

    /** Throttling of failed client authentications. */
    Throttle throttle();

    /** {@code gatehouse.token.throttle.*}. */
    interface Throttle {
        /** Failed authentications an address may make per window before it must wait. */
        @WithDefault("20")
        int addressFailures();

        /** Failed authentications a client may suffer per window (from unknown addresses) before they must wait. */
        @WithDefault("100")
        int clientFailures();

        /** The window over which the budgets refill. */
        @WithDefault("1m")
        Duration window();
    }

    /** The change feed's heartbeat ({@link dev.gatehouse.token.change.ChangeFeed}). */
    ChangeFeed changeFeed();

    /** {@code gatehouse.token.change-feed.*}. */
    interface ChangeFeed {
        /** How often a replica sends itself a heartbeat through the change channel. */
        @WithDefault("1s")
        Duration heartbeatInterval();

        /** How long a heartbeat may take to be heard before the feed counts as lost. */
        @WithDefault("3s")
        Duration heartbeatTimeout();
    }

    /**
     * Whether a client's {@code jwks_uri} may point at a loopback address: never in production (token-service
     * would fetch from its own host), on in dev mode and tests, where keys are served locally.
     */
    @WithDefault("false")
    boolean jwksUriAllowLoopback();

    /** How many tokens one client may revoke one by one. */
    Revocation revocation();

    /** {@code gatehouse.token.revocation.*} ({@link dev.gatehouse.token.issue.RevocationBudget}). */
    interface Revocation {
        /** Individual revocations (RFC 7009) a client may make per window; beyond, 429 until the window ends. */
        @WithDefault("600")
        int perClient();

        @WithDefault("1h")
        Duration window();
    }

    /**
     * Use the native JCA provider (Amazon Corretto Crypto Provider) for signing when it loads on this platform;
     * off, or where it cannot load, the JDK's own providers are used.
     */
    @WithDefault("true")
    boolean nativeCrypto();

    /** How long a signing key stays active before scheduled rotation replaces it. */
    @WithDefault("30d")
    Duration keyRotationPeriod();
}
