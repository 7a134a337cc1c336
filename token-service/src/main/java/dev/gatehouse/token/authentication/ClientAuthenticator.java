package dev.gatehouse.token.authentication;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.ClientAuthenticationFailed;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.outbox.GroupCommitOutbox;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.client.ClientCache;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.client.SecretHasher;
import dev.gatehouse.token.error.OAuthError;
import dev.gatehouse.token.error.OAuthException;
import dev.gatehouse.token.oauth.OAuthForm;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Client authentication at the OAuth endpoints (RFC 6749 §2.3): {@code client_secret_basic},
 * {@code client_secret_post} or {@code private_key_jwt}, never two at once; a public client only names itself
 * ({@code none}, RFC 6749 §3.2.1), which a confidential client may not do. An unknown client and a wrong secret
 * get the same {@code invalid_client} after the same work; only a client that proved its secret learns it is
 * disabled. Every failure is recorded as a {@code ClientAuthenticationFailed} event and counted by
 * {@link AuthenticationThrottle}.
 */
@ApplicationScoped
public class ClientAuthenticator {

    public static final String BASIC = "client_secret_basic";
    public static final String POST = "client_secret_post";
    public static final String PRIVATE_KEY_JWT = "private_key_jwt";
    /** A public client (RFC 6749 §2.1) names itself with {@code client_id} and proves nothing; PKCE ties its code. */
    public static final String NONE = "none";
    static final String FAILED = "Client authentication failed";
    /** Longer than any client id we issue; refused before any lookup, so it cannot fill the cache. */
    static final int MAX_CLIENT_ID_LENGTH = 200;
    private static final String RECORD_JTI = """
            insert into client_assertion_jti (client_id, jti, expires_at) values ($1, $2, $3)
            on conflict do nothing
            """;

    /** What the request presented. */
    public record Credentials(String clientId, String secret, String method) {
    }

    /** A failed authentication: what the caller is told, and (for the audit trail only) why. */
    static final class Failure extends OAuthException {
        final String reason;

        Failure(String reason, String description) {
            super(OAuthError.INVALID_CLIENT, description);
            this.reason = reason;
        }
    }

    /** A client that proved who it is, with the secret it used (null for private_key_jwt). */
    public record Authenticated(RegisteredClient client, RegisteredClient.Secret secret, String method) {
    }

    private final ClientCache clients;
    private final SecretHasher hasher;
    private final GroupCommitOutbox outbox;
    private final AuthenticationThrottle throttle;
    private final ClientAssertionVerifier assertions;
    private final Pool pool;

    public ClientAuthenticator(ClientCache clients, SecretHasher hasher, GroupCommitOutbox outbox,
            AuthenticationThrottle throttle, ClientAssertionVerifier assertions, Pool pool) {
        this.clients = clients;
        this.hasher = hasher;
        this.outbox = outbox;
        this.throttle = throttle;
        this.assertions = assertions;
        this.pool = pool;
    }

    /** Reads the credentials from the Authorization header or the form. */
    public static Credentials extract(String authorization, OAuthForm form) {
        boolean inForm = form.get("client_secret").isPresent();
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (form.get("client_assertion").isPresent() || form.get("client_assertion_type").isPresent()) {
            if (inForm || basic) {
                throw OAuthError.INVALID_REQUEST.because("Use one client authentication method, not several");
            }
            return assertion(form);
        }
        if (basic) {
            if (inForm) {
                throw OAuthError.INVALID_REQUEST.because("Use one client authentication method, not several");
            }
            return basic(authorization.substring(6).trim());
        }
        if (inForm) {
            return new Credentials(form.require("client_id"), form.require("client_secret"), POST);
        }
        return form.get("client_id").map(id -> new Credentials(id, null, NONE))
                .orElseThrow(() -> OAuthError.INVALID_CLIENT.because("Client authentication is required"));
    }

    /** RFC 7523 §2.2: the client id is the assertion's subject (and client_id, if also sent, must match). */
    private static Credentials assertion(OAuthForm form) {
        if (!ClientAssertionVerifier.JWT_BEARER.equals(form.require("client_assertion_type"))) {
            throw OAuthError.INVALID_REQUEST.because("client_assertion_type must be "
                    + ClientAssertionVerifier.JWT_BEARER);
        }
        String assertion = form.require("client_assertion");
        String subject;
        try {
            subject = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators()
                    .setDisableRequireSignature().build().processToClaims(assertion).getSubject();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw OAuthError.INVALID_CLIENT.because(FAILED);
        }
        String clientId = form.get("client_id").orElse(subject);
        if (clientId == null || !clientId.equals(subject)) {
            throw OAuthError.INVALID_CLIENT.because(FAILED);
        }
        return new Credentials(clientId, assertion, PRIVATE_KEY_JWT);
    }

    /** RFC 6749 §2.3.1: id and secret are form-urlencoded, then joined by a colon and base64-encoded. */
    private static Credentials basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                throw OAuthError.INVALID_CLIENT.because(FAILED);
            }
            return new Credentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8), BASIC);
        } catch (IllegalArgumentException e) {
            throw OAuthError.INVALID_CLIENT.because(FAILED);
        }
    }

    public Uni<Authenticated> authenticate(Credentials credentials, String sourceAddress) {
        throttle.retryAfter(credentials.clientId(), sourceAddress).ifPresent(wait -> {
            throw new OAuthException(OAuthError.SLOW_DOWN, "Too many failed authentications; retry after "
                    + Math.max(1, (wait.toMillis() + 999) / 1000) + " seconds", wait);
        });
        Instant now = Instant.now();
        Uni<Authenticated> attempt = credentials.clientId().length() > MAX_CLIENT_ID_LENGTH
                ? Uni.createFrom().failure(new Failure("unknown_client", FAILED))
                : PRIVATE_KEY_JWT.equals(credentials.method()) ? byAssertion(credentials)
                : NONE.equals(credentials.method()) ? asPublicClient(credentials)
                : bySecret(credentials, now);
        return attempt
                .invoke(ok -> throttle.succeeded(credentials.clientId(), sourceAddress))
                .onFailure(Failure.class).invoke(e -> throttle.failed(credentials.clientId(), sourceAddress))
                .onFailure(Failure.class).call(e -> recordFailure(credentials, sourceAddress, ((Failure) e).reason));
    }

    private Uni<Authenticated> bySecret(Credentials credentials, Instant now) {
        return clients.find(credentials.clientId()).map(client -> verify(client, credentials, now));
    }

    /** Only a public client may authenticate by its id alone; a confidential one must prove its secret. */
    private Uni<Authenticated> asPublicClient(Credentials credentials) {
        return clients.find(credentials.clientId()).map(found -> {
            if (found.isEmpty()) {
                throw new Failure("unknown_client", FAILED);
            }
            if (!found.get().publicClient()) {
                throw new Failure("no_credentials", "Client authentication is required");
            }
            if (!found.get().enabled()) {
                throw new Failure("disabled", "Client is disabled");
            }
            return new Authenticated(found.get(), null, NONE);
        });
    }

    /** Verifies the assertion and records its jti: a second use of it is a replay (the insert finds it taken). */
    private Uni<Authenticated> byAssertion(Credentials credentials) {
        return clients.find(credentials.clientId()).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(new Failure("unknown_client", FAILED));
            }
            RegisteredClient client = found.get();
            return assertions.verify(client, credentials.secret())
                    .chain(verified -> Uni.createFrom().completionStage(() -> pool.preparedQuery(RECORD_JTI)
                            .execute(Tuple.of(client.clientId(), verified.jti(),
                                    OffsetDateTime.ofInstant(verified.expiresAt(), ZoneOffset.UTC)))
                            .map(rows -> rows.rowCount()).toCompletionStage()))
                    .map(rows -> {
                        if (rows == 0) {
                            throw new Failure("replayed_assertion", FAILED);
                        }
                        if (!client.enabled()) {
                            throw new Failure("disabled", "Client is disabled");
                        }
                        return new Authenticated(client, null, PRIVATE_KEY_JWT);
                    });
        });
    }

    private Authenticated verify(Optional<RegisteredClient> found, Credentials credentials, Instant now) {
        // The hash is computed and compared even for an unknown client, so both cost the same.
        RegisteredClient.Secret match = hasher.match(credentials.secret(),
                found.map(c -> c.liveSecrets(now)).orElse(List.of()));
        if (found.isEmpty()) {
            throw new Failure("unknown_client", FAILED);
        }
        if (match == null) {
            throw new Failure("bad_secret", FAILED);
        }
        if (!found.get().enabled()) {
            throw new Failure("disabled", "Client is disabled");
        }
        return new Authenticated(found.get(), match, credentials.method());
    }

    private Uni<Void> recordFailure(Credentials credentials, String sourceAddress, String reason) {
        String presented = credentials.clientId();
        Uni<Optional<RegisteredClient>> known = presented.length() > MAX_CLIENT_ID_LENGTH
                ? Uni.createFrom().item(Optional.empty()) : clients.find(presented);
        return known.chain(client -> {
            String recorded = client.isPresent() ? presented : PresentedClientId.recordable(presented);
            return outbox.append(EventEnvelope.of(TokenEvents.CLIENT_AUTHENTICATION_FAILED, TokenService.NAME,
                    client.map(c -> c.owner().companyId()).orElse(null), new Actor(Actor.CLIENT, recorded), recorded,
                    new ClientAuthenticationFailed(recorded, credentials.method(), reason, sourceAddress)));
        });
    }
}
