package dev.gatehouse.console.session;

import dev.gatehouse.console.ConsoleConfig;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Clock;
import java.time.Instant;

/**
 * quarkus-oidc's token state kept on the server ({@link ConsoleSessions}), so no token ever reaches the browser: the
 * session cookie holds a random handle only.
 *
 * <p>It also keeps the sign-in alive: when the ID token is about to expire it refreshes first, through the session's
 * queue, so that quarkus-oidc never finds it expired and never refreshes on its own (its {@code refresh-expired} only
 * lets the session cookie outlive the ID token), and a second, unqueued refresh can never present a rotated refresh
 * token and end the person's grant. When the refresh fails the session is over and quarkus-oidc sends the browser to
 * sign in again (SessionExpiryTest).
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class ServerSideTokenState implements TokenStateManager {

    /** Where {@link #getTokens} leaves the request's session for the console's pages. */
    public static final String SESSION = ConsoleSession.class.getName();

    private final ConsoleSessions sessions;
    private final TokenEndpoint tokenEndpoint;
    private final ConsoleConfig config;
    private final Clock clock;

    public ServerSideTokenState(ConsoleSessions sessions, TokenEndpoint tokenEndpoint, ConsoleConfig config,
            Clock clock) {
        this.sessions = sessions;
        this.tokenEndpoint = tokenEndpoint;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Uni<String> createTokenState(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            AuthorizationCodeTokens tokens, OidcRequestContext<String> requestContext) {
        Instant now = clock.instant();
        Long expiresIn = tokens.getAccessTokenExpiresIn();
        Instant accessExpiry = expiresIn != null ? now.plusSeconds(expiresIn)
                : tokenEndpoint.expiry(tokens.getAccessToken(), now);
        TokenSet signIn = new TokenSet(tokens.getIdToken(), tokenEndpoint.expiry(tokens.getIdToken(), now),
                tokens.getAccessToken(), accessExpiry, tokens.getRefreshToken(), Context.NONE);
        ConsoleSession session = sessions.start(signIn);
        routingContext.put(SESSION, session);
        return Uni.createFrom().item(session.handle());
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            String tokenState, OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        ConsoleSession session = sessions.find(tokenState).orElse(null);
        if (session == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("No such console session"));
        }
        routingContext.put(SESSION, session);
        TokenSet latest = session.latest();
        if (latest.idTokenLasts(clock.instant(), config.refreshMargin().toSeconds())) {
            return Uni.createFrom().item(tokens(latest));
        }
        return session.refresh(Context.NONE, tokenEndpoint::refresh)
                .map(ServerSideTokenState::tokens)
                .onFailure(failure -> !(failure instanceof SignInEnded)
                        && latest.idTokenLasts(clock.instant(), 0)).recoverWithItem(() -> tokens(latest))
                .onFailure().transform(failure -> {
                    // Over (or token-service unreachable past the ID token's life): quarkus-oidc drops the cookie
                    // and sends the browser to sign in.
                    sessions.end(tokenState);
                    return new AuthenticationFailedException(failure);
                });
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig, String tokenState,
            OidcRequestContext<Void> requestContext) {
        sessions.end(tokenState);
        return Uni.createFrom().voidItem();
    }

    private static AuthorizationCodeTokens tokens(TokenSet tokens) {
        return new AuthorizationCodeTokens(tokens.idToken(), tokens.accessToken(), tokens.refreshToken());
    }
}
