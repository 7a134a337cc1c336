package dev.gatehouse.token.endpoint;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenRevoked;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.authentication.ClientAuthenticator;
import dev.gatehouse.token.error.OAuthError;
import dev.gatehouse.token.error.OAuthException;
import dev.gatehouse.token.issue.RevocationBudget;
import dev.gatehouse.token.issue.RevocationList;
import dev.gatehouse.token.issue.RevokedToken;
import dev.gatehouse.token.issue.TokenVerifier;
import dev.gatehouse.token.oauth.OAuthForm;
import dev.gatehouse.token.throttle.SourceAddress;
import dev.gatehouse.web.openapi.EmptyBodies;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.jwt.MalformedClaimException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Token revocation (RFC 7009). A client may revoke its own tokens (§2.1); an invalid or already dead token is
 * answered 200 like a revoked one (§2.2). The revocation and its {@code TokenRevoked} event commit together. A
 * client's one-by-one revocations are budgeted ({@link RevocationBudget}), since each is remembered everywhere
 * until the token expires.
 */
@Path("/oauth2/revoke")
@PermitAll
@Tag(name = "OAuth 2.0")
@SecurityRequirementsSet
public class RevocationEndpoint {

    private final ClientAuthenticator authenticator;
    private final TokenVerifier verifier;
    private final OutboxWriter outbox;
    private final RevocationList revocations;
    private final RevocationBudget budget;

    public RevocationEndpoint(ClientAuthenticator authenticator, TokenVerifier verifier, OutboxWriter outbox,
            RevocationList revocations, RevocationBudget budget) {
        this.authenticator = authenticator;
        this.verifier = verifier;
        this.outbox = outbox;
        this.revocations = revocations;
        this.budget = budget;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Revoke an access token (RFC 7009)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = OAuthForms.TokenReference.class)))
    @APIResponse(responseCode = "200", description = "Revoked, or not a live token (RFC 7009 §2.2: the same answer, "
            + "without a body)", extensions = @Extension(name = EmptyBodies.EXTENSION, value = "true"))
    @APIResponse(responseCode = "400", description = "invalid_request, or unauthorized_client: the token belongs "
            + "to another client")
    @APIResponse(responseCode = "401", description = "invalid_client: the caller could not be authenticated")
    @APIResponse(responseCode = "429", description = "slow_down: too many revocations one by one, or failed "
            + "authentications; Retry-After says when to try again")
    public Uni<Response> revoke(MultivaluedMap<String, String> parameters,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest request) {
        OAuthForm form = new OAuthForm(parameters);
        ClientAuthenticator.Credentials credentials = ClientAuthenticator.extract(authorization, form);
        String token = form.require("token");
        return authenticator.authenticate(credentials, SourceAddress.of(request))
                .chain(caller -> verifier.verify(token).chain(verified -> revoke(caller, verified)))
                .map(x -> Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    private Uni<Void> revoke(ClientAuthenticator.Authenticated caller, Optional<TokenVerifier.Verified> verified) {
        if (verified.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        TokenVerifier.Verified token = verified.get();
        if (!token.client().clientId().equals(caller.client().clientId())) {
            throw OAuthError.UNAUTHORIZED_CLIENT.because("The token was not issued to this client");
        }
        // Only a live token counts against the budget: revoking a dead one again costs nothing.
        budget.take(caller.client().clientId()).ifPresent(wait -> {
            throw new OAuthException(OAuthError.SLOW_DOWN, "This client has revoked too many tokens one by one; "
                    + "revoke all its tokens at once instead, or retry after "
                    + Math.max(1, (wait.toMillis() + 999) / 1000) + " seconds", wait);
        });
        RevokedToken revoked = new RevokedToken();
        revoked.jti = token.jti();
        revoked.clientId = token.client().clientId();
        try {
            revoked.expiresAt = Instant.ofEpochSecond(token.claims().getExpirationTime().getValue());
        } catch (MalformedClaimException e) {
            return Uni.createFrom().voidItem();
        }
        // The company the token acts in (an installation token names it; a service account's is its owner), so
        // that company's admin sees the revocation in its audit trail.
        UUID companyId = token.companyId();
        EventEnvelope event = EventEnvelope.of(TokenEvents.TOKEN_REVOKED, TokenService.NAME, companyId,
                new Actor(Actor.CLIENT, caller.client().clientId()), revoked.clientId,
                TokenRevoked.one(revoked.clientId, revoked.jti, "revoked_by_client", companyId, revoked.expiresAt));
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(s -> s.persist(revoked)).chain(() -> outbox.append(event)))
                // This replica knows at once; the others when the change feed tells them.
                .invoke(() -> revocations.add(revoked.jti, revoked.expiresAt));
    }
}
