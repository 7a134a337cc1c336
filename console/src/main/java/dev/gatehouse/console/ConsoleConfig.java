package dev.gatehouse.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The console's own settings ({@code gatehouse.console.*}); sign-in itself is quarkus-oidc's ({@code quarkus.oidc.*}).
 */
@ConfigMapping(prefix = "gatehouse.console")
public interface ConsoleConfig {

    /** token-service's issuer URL; its token endpoint is {@code <issuer>/oauth2/token}. */
    String issuer();

    /** The console's first-party client at token-service (also quarkus-oidc's). */
    String clientId();

    String clientSecret();

    /** Base URLs of the four services' APIs. */
    Services services();

    /**
     * How long a signed-in browser's tokens are kept without being used; token-service's own session (12 hours)
     * and refresh tokens (14 days unused) end it sooner or later anyway.
     */
    @WithDefault("12h")
    Duration sessionIdleTimeout();

    /** At most this many signed-in browsers at once (each holds a few tokens: a few kilobytes). */
    @WithDefault("100000")
    long maxSessions();

    /** A token with less than this left to live is refreshed before it is used. */
    @WithDefault("30s")
    Duration refreshMargin();

    /** How long a call to a service may take before the page says so. */
    @WithDefault("10s")
    Duration apiTimeout();

    /** The four services. */
    interface Services {
        String directory();

        String apps();

        String token();

        String audit();
    }
}
