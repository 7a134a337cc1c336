package dev.gatehouse.token.endpoint;

import dev.gatehouse.token.authentication.ClientAuthenticator;
import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.token.installation.InstallationTokens;
import dev.gatehouse.token.issue.TokenVerifier;
import dev.gatehouse.token.oauth.OAuthForm;
import dev.gatehouse.token.oidc.LivePeople;
import dev.gatehouse.token.throttle.SourceAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Token introspection (RFC 7662). The caller authenticates as a client (§2.1). The answer is
 * {@code {"active": false}} for anything that is not an active token of ours: expired, revoked, unknown, signed
 * by a retired key, or belonging to a disabled or deleted client, and for a token the caller may not introspect
 * ({@link IntrospectionPolicy}). It never says which (§2.2).
 */
@Path("/oauth2/introspect")
@PermitAll
@Tag(name = "OAuth 2.0")
@SecurityRequirementsSet
public class IntrospectionEndpoint {

    private static final Map<String, Object> INACTIVE = Map.of("active", false);

    private final ClientAuthenticator authenticator;
    private final TokenVerifier verifier;
    private final InstallationTokens installations;
    private final LivePeople people;

    public IntrospectionEndpoint(ClientAuthenticator authenticator, TokenVerifier verifier,
            InstallationTokens installations, LivePeople people) {
        this.authenticator = authenticator;
        this.verifier = verifier;
        this.installations = installations;
        this.people = people;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Introspect an access token (RFC 7662)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = OAuthForms.TokenReference.class)))
    @APIResponseSchema(value = OAuthForms.IntrospectionResponse.class, responseCode = "200",
            responseDescription = "The token's state (RFC 7662 §2.2); active: false for a token the caller may "
            + "not introspect")
    @APIResponse(responseCode = "400", description = "invalid_request: no token, or a malformed form")
    @APIResponse(responseCode = "401", description = "invalid_client: the caller could not be authenticated")
    @APIResponse(responseCode = "429", description = "slow_down: too many failed authentications")
    public Uni<Response> introspect(MultivaluedMap<String, String> parameters,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest request) {
        OAuthForm form = new OAuthForm(parameters);
        ClientAuthenticator.Credentials credentials = ClientAuthenticator.extract(authorization, form);
        String token = form.require("token");
        return authenticator.authenticate(credentials, SourceAddress.of(request))
                .chain(caller -> verifier.verify(token).map(verified -> verified
                        .filter(t -> IntrospectionPolicy.mayIntrospect(caller.client(), t))))
                .chain(this::describe)
                .map(body -> Response.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    /**
     * An installation token is active only while its installation is (disable and uninstall end it at once), and
     * its description adds what it grants now: tool permissions and permitted projects.
     */
    private Uni<Map<String, Object>> describe(Optional<TokenVerifier.Verified> verified) {
        if (verified.isEmpty()) {
            return Uni.createFrom().item(INACTIVE);
        }
        TokenVerifier.Verified token = verified.get();
        Instant issuedAt;
        try {
            issuedAt = Instant.ofEpochSecond(token.claims().getIssuedAt().getValue());
        } catch (MalformedClaimException e) {
            return Uni.createFrom().item(INACTIVE);
        }
        Object grantId = token.claims().getClaimValue("grant_id");
        Object installationId = token.claims().getClaimValue(InstallationTokens.INSTALLATION_ID);
        if (grantId != null) {
            // A person's token stands only while their account and the grant it came from do; an app's token for
            // a person also only while its installation is active (docs/security.md, "Apps acting for people").
            if (installationId == null) {
                return people.standing(token.claims().getClaimValueAsString("sub"), grantId.toString(), issuedAt)
                        .map(person -> person.isPresent() ? active(token) : INACTIVE);
            }
            return people.standing(token.claims().getClaimValueAsString("sub"), grantId.toString(), issuedAt)
                    .chain(person -> person.isEmpty() ? Uni.createFrom().item(Optional.<InstallationState>empty())
                            : installations.activeFor(installationId.toString(), issuedAt))
                    .map(state -> state.<Map<String, Object>>map(s -> {
                        Map<String, Object> body = active(token);
                        body.put(InstallationTokens.INSTALLATION_ID, s.installationId().toString());
                        // RFC 8693 §4.1: who acts for the subject, here the installation's app user.
                        body.put("act", Map.of("sub", s.appUserId().toString()));
                        return body;
                    }).orElse(INACTIVE));
        }
        if (installationId == null) {
            return Uni.createFrom().item(active(token));
        }
        return installations.activeFor(installationId.toString(), issuedAt)
                .map(state -> state.<Map<String, Object>>map(s -> {
                    Map<String, Object> body = active(token);
                    body.put(InstallationTokens.INSTALLATION_ID, s.installationId().toString());
                    body.put("permissions", InstallationTokens.permissions(s));
                    body.put("project_ids", s.projectIds());
                    return body;
                }).orElse(INACTIVE));
    }

    private static Map<String, Object> active(TokenVerifier.Verified token) {
        JwtClaims claims = token.claims();
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            body.put("active", true);
            body.put("scope", claims.getStringClaimValue("scope"));
            body.put("client_id", claims.getStringClaimValue("client_id"));
            body.put("token_type", "Bearer");
            body.put("exp", claims.getExpirationTime().getValue());
            body.put("iat", claims.getIssuedAt().getValue());
            body.put("sub", claims.getSubject());
            body.put("aud", claims.getAudience());
            body.put("iss", claims.getIssuer());
            body.put("jti", claims.getJwtId());
            if (claims.hasClaim("company_id")) {
                body.put("company_id", claims.getStringClaimValue("company_id"));
            }
        } catch (MalformedClaimException e) {
            return INACTIVE;
        }
        return body;
    }
}
