package dev.gatehouse.token.endpoint;

import dev.gatehouse.token.authentication.ClientAuthenticator;
import dev.gatehouse.token.error.OAuthError;
import dev.gatehouse.token.grant.GrantHandler;
import dev.gatehouse.token.issue.TokenResponse;
import dev.gatehouse.token.oauth.OAuthForm;
import dev.gatehouse.token.oauth.TokenRequest;
import dev.gatehouse.token.throttle.SourceAddress;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
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

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The token endpoint (RFC 6749 §3.2): authenticate the client (its own step), then hand the request to the
 * handler of its {@code grant_type}. Every answer, success or error, carries {@code Cache-Control: no-store}.
 */
@Path("/oauth2/token")
@PermitAll
@Tag(name = "OAuth 2.0")
@SecurityRequirementsSet
public class TokenEndpoint {

    private final ClientAuthenticator authenticator;
    private final Map<Class<?>, GrantHandler<?>> grants;

    public TokenEndpoint(ClientAuthenticator authenticator, Instance<GrantHandler<?>> handlers) {
        this.authenticator = authenticator;
        this.grants = handlers.stream().collect(Collectors.toUnmodifiableMap(GrantHandler::requestType,
                Function.identity()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an access token (client_credentials)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = OAuthForms.TokenRequest.class)))
    @APIResponseSchema(value = TokenResponse.class, responseCode = "200",
            responseDescription = "The access token (RFC 6749 §5.1); never cached (Cache-Control: no-store)")
    @APIResponse(responseCode = "400", description = "invalid_request, unauthorized_client, unsupported_grant_type, "
            + "invalid_scope or invalid_target (RFC 6749 §5.2, RFC 8707 §2)")
    @APIResponse(responseCode = "401", description = "invalid_client: the client could not be authenticated")
    @APIResponse(responseCode = "429", description = "slow_down: too many failed authentications; Retry-After says "
            + "when to try again")
    public Uni<Response> token(MultivaluedMap<String, String> parameters,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context HttpServerRequest request) {
        OAuthForm form = new OAuthForm(parameters);
        ClientAuthenticator.Credentials credentials = ClientAuthenticator.extract(authorization, form);
        String grantType = form.require("grant_type");
        // The client is authenticated before anything else about the request is judged, so an unauthenticated
        // caller learns nothing from the other errors (RFC 6749 §5.2 lists invalid_client first).
        return authenticator.authenticate(credentials, SourceAddress.of(request))
                .chain(client -> {
                    TokenRequest tokenRequest = TokenRequest.parse(grantType, form);
                    if (!client.client().grantTypes().contains(grantType)) {
                        throw OAuthError.UNAUTHORIZED_CLIENT.because("This client may not use " + grantType);
                    }
                    return handle(client, tokenRequest);
                })
                .map(body -> Response.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .header("Pragma", "no-cache").build());
    }

    @SuppressWarnings("unchecked")
    private <R extends TokenRequest> Uni<TokenResponse> handle(ClientAuthenticator.Authenticated client, R request) {
        GrantHandler<R> handler = (GrantHandler<R>) grants.get(request.getClass());
        return handler.handle(client, request);
    }

    /** RFC 6749 §4.4.2: the request is form-encoded; anything else is an invalid request, said the OAuth way. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response notForm() {
        throw OAuthError.INVALID_REQUEST.because("Send the request as application/x-www-form-urlencoded");
    }
}
