package dev.gatehouse.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code gatehouse.sign-in.*}: how people sign in (docs/security.md, "People"). */
@ConfigMapping(prefix = "gatehouse.sign-in")
public interface SignInConfig {

    /** The first platform admin's e-mail, created on first start if no account has it yet. */
    Optional<String> adminEmail();

    /** The first platform admin's password (only its Argon2id hash is stored); at least 12 characters. */
    Optional<String> adminPassword();

    /** How long a browser stays signed in without signing in again. */
    @WithDefault("12h")
    Duration sessionLifetime();

    /** How long an invitation's e-mailed link works. */
    @WithDefault("7d")
    Duration invitationLifetime();

    /** How long an authorization code may wait for its exchange (RFC 6749 §4.1.2: short; 10 min at most). */
    @WithDefault("60s")
    Duration codeLifetime();

    /** The lifetime of a person's access token: short, since rights are judged live and refresh is cheap. */
    @WithDefault("10m")
    Duration accessTokenLifetime();

    /** How long a refresh token lives unused; each refresh makes a new one (rotation) that lives this long again. */
    @WithDefault("14d")
    Duration refreshTokenLifetime();

    /** The longest a grant can be refreshed, however often it is used; then the person signs in again. */
    @WithDefault("90d")
    Duration refreshGrantMaxAge();

    /** Failed sign-ins. */
    Throttle throttle();

    /** {@code gatehouse.sign-in.throttle.*} ({@code FailureThrottle}, as for clients at the token endpoint). */
    interface Throttle {
        /** Failed sign-ins one source address may make per window, whatever the accounts, before it must wait. */
        @WithDefault("30")
        int addressFailures();

        /**
         * Failed sign-ins one e-mail address may suffer per window from addresses where it has not signed in
         * recently; from those where it has, only the address budget applies, so nobody is locked out.
         */
        @WithDefault("10")
        int accountFailures();

        @WithDefault("15m")
        Duration window();
    }
}
