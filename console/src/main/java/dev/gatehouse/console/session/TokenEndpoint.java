package dev.gatehouse.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.console.ConsoleConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/**
 * token-service's token endpoint, for the refresh grant the console makes itself: to keep its sign-in alive and to get
 * an access token naming a company or developer organization (RFC 6749 §6; RFC 8707 {@code resource}'s
 * equivalents {@code company_id} and {@code developer_org_id}). The code exchange is quarkus-oidc's.
 */
@ApplicationScoped
public class TokenEndpoint {

    private final WebClient client;
    private final ConsoleConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public TokenEndpoint(WebClient client, ConsoleConfig config, ObjectMapper json, Clock clock) {
        this.client = client;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Refreshes with the refresh token of {@code current}; the answer's refresh token replaces it (token-service
     * rotates them, RFC 9700 §4.14.2). Fails with {@link SignInEnded} when the grant is over and {@link NoRoleThere}
     * for a context where the person has no role.
     */
    public Uni<TokenSet> refresh(TokenSet current, Context context) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "refresh_token")
                .add("refresh_token", current.refreshToken());
        if (context.parameter() != null) {
            form.add(context.parameter(), context.id().toString());
        }
        return client.postAbs(config.issuer() + "/oauth2/token")
                .basicAuthentication(config.clientId(), config.clientSecret())
                .timeout(config.apiTimeout().toMillis())
                .sendForm(form)
                .map(response -> answer(response, context, current));
    }

    private TokenSet answer(HttpResponse<Buffer> response, Context context, TokenSet previous) {
        JsonNode body = parse(response.bodyAsString());
        if (response.statusCode() != 200) {
            String error = body.path("error").asText("");
            if ("invalid_target".equals(error)) {
                throw new NoRoleThere(context);
            }
            if ("invalid_grant".equals(error)) {
                throw new SignInEnded(body.path("error_description").asText("The sign-in has ended"));
            }
            // Never the body: it could only echo what was sent, and that holds a refresh token.
            throw new IllegalStateException("token-service answered the refresh with " + response.statusCode()
                    + " " + error);
        }
        Instant now = clock.instant();
        String accessToken = body.path("access_token").asText();
        String idToken = body.hasNonNull("id_token") ? body.get("id_token").asText() : previous.idToken();
        return new TokenSet(idToken, expiry(idToken, previous.idTokenExpiresAt()), accessToken,
                now.plusSeconds(body.path("expires_in").asLong(60)),
                body.hasNonNull("refresh_token") ? body.get("refresh_token").asText() : previous.refreshToken(),
                context);
    }

    /** When a JWT token-service gave the console expires ({@link UnverifiedClaims}). */
    Instant expiry(String jwt, Instant fallback) {
        JsonNode claims = UnverifiedClaims.of(json, jwt);
        return claims.has("exp") ? Instant.ofEpochSecond(claims.get("exp").asLong()) : fallback;
    }

    private JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
