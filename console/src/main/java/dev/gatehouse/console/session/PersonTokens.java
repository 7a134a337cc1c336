package dev.gatehouse.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.console.ConsoleConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;

import java.time.Clock;

/**
 * The signed-in person's access token for where a page acts: the one the session holds while it has
 * {@code refresh-margin} to live, otherwise a fresh one from a refresh naming that company or organization. Pages run
 * on worker threads, so this waits for the refresh.
 */
@RequestScoped
public class PersonTokens {

    private final RoutingContext request;
    private final TokenEndpoint tokenEndpoint;
    private final ConsoleConfig config;
    private final Clock clock;
    private final ObjectMapper json;

    public PersonTokens(RoutingContext request, TokenEndpoint tokenEndpoint, ConsoleConfig config, Clock clock,
            ObjectMapper json) {
        this.request = request;
        this.tokenEndpoint = tokenEndpoint;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Whether the person is a platform admin: their sign-in's access token says {@code platform_admin}
     * ({@link UnverifiedClaims}: for choosing tokens and menus; the services judge every call).
     */
    public boolean platformAdmin() {
        for (JsonNode role : UnverifiedClaims.of(json, session().latest().accessToken()).path("roles")) {
            if ("platform_admin".equals(role.asText())) {
                return true;
            }
        }
        return false;
    }

    /** The request's console session (quarkus-oidc authenticated it, so there is one). */
    public ConsoleSession session() {
        ConsoleSession session = request.get(ServerSideTokenState.SESSION);
        if (session == null) {
            throw new SignInEnded("Not signed in");
        }
        return session;
    }

    /**
     * An access token acting in {@code context}. A platform admin's token that names no company works in every
     * company (docs/security.md), and token-service gives a person a company's token only where they have a role,
     * so a platform admin always acts with the one that names none.
     */
    public String accessToken(Context requested) {
        ConsoleSession session = session();
        Context context = platformAdmin() ? Context.NONE : requested;
        TokenSet held = session.forContext(context);
        if (held != null && held.accessTokenLasts(clock.instant(), config.refreshMargin().toSeconds())) {
            return held.accessToken();
        }
        return session.refresh(context, tokenEndpoint::refresh).await().atMost(config.apiTimeout().multipliedBy(2))
                .accessToken();
    }
}
