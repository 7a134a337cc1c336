package dev.gatehouse.token.endpoint;

import dev.gatehouse.token.client.ClientAuthenticator;
import dev.gatehouse.token.issue.TokenVerifier;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token introspection (RFC 7662). The caller authenticates as a client (§2.1). The answer is
 * {@code {"active": false}} for anything that is not an active token of ours: expired, revoked, unknown, signed
 * by a retired key, or belonging to a disabled or deleted client. It never says which (§2.2).
 */
@Path("/oauth2/introspect")
@PermitAll
@Tag(name = "OAuth 2.0")
public class IntrospectionEndpoint {

    private final ClientAuthenticator authenticator;
    private final TokenVerifier verifier;

    public IntrospectionEndpoint(ClientAuthenticator authenticator, TokenVerifier verifier) {
        this.authenticator = authenticator;
        this.verifier = verifier;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Introspect an access token (RFC 7662)")
    public Uni<Response> introspect(MultivaluedMap<String, String> parameters,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest request) {
        OAuthForm form = new OAuthForm(parameters);
        ClientAuthenticator.Credentials credentials = ClientAuthenticator.extract(authorization, form);
        String token = form.require("token");
        return authenticator.authenticate(credentials, SourceAddress.of(request))
                .chain(caller -> verifier.verify(token))
                .map(verified -> Response.ok(verified.map(IntrospectionEndpoint::active)
                                .orElse(Map.of("active", false)))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
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
            return Map.of("active", false);
        }
        return body;
    }
}
