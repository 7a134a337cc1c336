package dev.gatehouse.token.client;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.ClientAuthenticationFailed;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.endpoint.OAuthForm;
import dev.gatehouse.token.error.OAuthError;
import dev.gatehouse.token.error.OAuthException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Client authentication at the OAuth endpoints (RFC 6749 §2.3): {@code client_secret_basic} or
 * {@code client_secret_post}, never both at once. An unknown client and a wrong secret get the same
 * {@code invalid_client} after the same work; only a client that proved its secret learns it is disabled. Every
 * failure is recorded as a {@code ClientAuthenticationFailed} event and counted by {@link AuthenticationThrottle}.
 */
@ApplicationScoped
public class ClientAuthenticator {

    public static final String BASIC = "client_secret_basic";
    public static final String POST = "client_secret_post";
    public static final String PRIVATE_KEY_JWT = "private_key_jwt";
    static final String FAILED = "Client authentication failed";
    private static final String RECORD_JTI = """
            insert into client_assertion_jti (client_id, jti, expires_at) values (:client, :jti, :expires)
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
    public record Authenticated(Client client, ClientSecret secret, String method) {
    }

    private final ClientRepository clients;
    private final ClientSecretRepository secrets;
    private final SecretHasher hasher;
    private final OutboxWriter outbox;
    private final AuthenticationThrottle throttle;
    private final ClientAssertionVerifier assertions;

    public ClientAuthenticator(ClientRepository clients, ClientSecretRepository secrets, SecretHasher hasher,
            OutboxWriter outbox, AuthenticationThrottle throttle, ClientAssertionVerifier assertions) {
        this.clients = clients;
        this.secrets = secrets;
        this.hasher = hasher;
        this.outbox = outbox;
        this.throttle = throttle;
        this.assertions = assertions;
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
        throw OAuthError.INVALID_CLIENT.because("Client authentication is required");
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
        Uni<Authenticated> attempt = PRIVATE_KEY_JWT.equals(credentials.method()) ? byAssertion(credentials)
                : bySecret(credentials, now);
        return attempt
                .invoke(ok -> throttle.succeeded(credentials.clientId(), sourceAddress))
                .onFailure(Failure.class).invoke(e -> throttle.failed(credentials.clientId(), sourceAddress))
                .onFailure(Failure.class).call(e -> recordFailure(credentials, sourceAddress, ((Failure) e).reason));
    }

    private Uni<Authenticated> bySecret(Credentials credentials, Instant now) {
        return Panache.withSession(() -> clients.findById(credentials.clientId())
                .chain(client -> (client == null ? Uni.createFrom().item(List.<ClientSecret>of())
                        : secrets.ofClient(client.clientId))
                        .map(candidates -> verify(client, candidates, credentials, now))));
    }

    /** Verifies the assertion and records its jti in one transaction: a second use of it is a replay. */
    private Uni<Authenticated> byAssertion(Credentials credentials) {
        return Panache.withTransaction(() -> clients.findById(credentials.clientId()).chain(client -> {
            if (client == null) {
                return Uni.createFrom().failure(new Failure("unknown_client", FAILED));
            }
            return assertions.verify(client, credentials.secret())
                    .chain(verified -> Panache.getSession().chain(s -> s.createNativeQuery(RECORD_JTI)
                            .setParameter("client", client.clientId).setParameter("jti", verified.jti())
                            .setParameter("expires", verified.expiresAt()).executeUpdate()))
                    .map(rows -> {
                        if (rows == 0) {
                            throw new Failure("replayed_assertion", FAILED);
                        }
                        if (!client.enabled) {
                            throw new Failure("disabled", "Client is disabled");
                        }
                        return new Authenticated(client, null, PRIVATE_KEY_JWT);
                    });
        }));
    }

    private Authenticated verify(Client client, List<ClientSecret> candidates, Credentials credentials,
            Instant now) {
        ClientSecret match = hasher.match(credentials.secret(),
                candidates.stream().filter(s -> s.liveAt(now)).toList());
        if (client == null) {
            throw new Failure("unknown_client", FAILED);
        }
        if (match == null) {
            throw new Failure("bad_secret", FAILED);
        }
        if (!client.enabled) {
            throw new Failure("disabled", "Client is disabled");
        }
        return new Authenticated(client, match, credentials.method());
    }

    private Uni<Void> recordFailure(Credentials credentials, String sourceAddress, String reason) {
        String presented = credentials.clientId().length() > 200 ? credentials.clientId().substring(0, 200)
                : credentials.clientId();
        return Panache.withTransaction(() -> clients.findById(presented).chain(client -> outbox.append(
                EventEnvelope.of(TokenEvents.CLIENT_AUTHENTICATION_FAILED, TokenService.NAME,
                        client == null ? null : new ClientOwner(client.ownerType, client.ownerId).companyId(),
                        new Actor(Actor.CLIENT, presented), presented,
                        new ClientAuthenticationFailed(presented, credentials.method(), reason, sourceAddress)))));
    }
}
