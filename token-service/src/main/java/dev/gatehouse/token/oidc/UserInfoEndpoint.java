package dev.gatehouse.token.oidc;

import dev.gatehouse.token.issue.TokenVerifier;
import dev.gatehouse.token.oauth.FirstPartyScopes;
import dev.gatehouse.web.security.ApiSecurity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.jwt.MalformedClaimException;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The UserInfo endpoint (OpenID Connect Core §5.3): the signed-in person's claims for an access token that has the
 * {@code openid} scope, as the scopes release them. A missing or bad token gets 401 with
 * {@code WWW-Authenticate: Bearer} (RFC 6750 §3.1); a token without {@code openid}, 403 {@code insufficient_scope}.
 */
@Path("/oauth2/userinfo")
@PermitAll
@Tag(name = "OpenID Connect")
@SecurityRequirement(name = ApiSecurity.BEARER)
public class UserInfoEndpoint {

    static final String REALM = "Bearer realm=\"gatehouse\"";

    private final TokenVerifier verifier;
    private final LivePeople people;

    public UserInfoEndpoint(TokenVerifier verifier, LivePeople people) {
        this.verifier = verifier;
        this.people = people;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in person's claims (OpenID Connect Core §5.3)")
    @APIResponse(responseCode = "200", description = "sub, and email, email_verified and name as the token's "
            + "scopes allow")
    @APIResponse(responseCode = "401", description = "No bearer token, or one that is not (or no longer) valid "
            + "(invalid_token; WWW-Authenticate says it too, RFC 6750 §3.1)")
    @APIResponse(responseCode = "403", description = "The token lacks the openid scope or is not a person's "
            + "(insufficient_scope)")
    public Uni<Response> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return userInfo(authorization);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same, by POST (OpenID Connect Core §5.3.1)")
    @APIResponse(responseCode = "200", description = "As for GET")
    @APIResponse(responseCode = "401", description = "As for GET")
    @APIResponse(responseCode = "403", description = "As for GET")
    public Uni<Response> post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return userInfo(authorization);
    }

    private Uni<Response> userInfo(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // §3.1: no error code in the challenge when no credentials were sent; the body still says what is wrong.
            return Uni.createFrom().item(challenge(401, REALM, "invalid_token", "A bearer access token is required"));
        }
        String token = authorization.substring(7).trim();
        return verifier.verify(token).chain(verified -> {
            if (verified.isEmpty()) {
                return Uni.createFrom().item(invalidToken());
            }
            List<String> scopes;
            Instant issuedAt;
            String grantId;
            try {
                scopes = Arrays.asList(Optional.ofNullable(verified.get().claims().getStringClaimValue("scope"))
                        .orElse("").split(" "));
                issuedAt = Instant.ofEpochSecond(verified.get().claims().getIssuedAt().getValue());
                grantId = verified.get().claims().getStringClaimValue("grant_id");
            } catch (MalformedClaimException e) {
                return Uni.createFrom().item(invalidToken());
            }
            if (grantId == null) {
                // A client's own token (client_credentials) has no person behind it.
                return Uni.createFrom().item(challenge(403, REALM + ", error=\"insufficient_scope\"",
                        "insufficient_scope", "This token is not a person's"));
            }
            if (!scopes.contains(FirstPartyScopes.OPENID)) {
                return Uni.createFrom().item(challenge(403, REALM + ", error=\"insufficient_scope\", "
                        + "scope=\"openid\"", "insufficient_scope", "The token lacks the openid scope"));
            }
            String subject = verified.get().claims().getClaimValueAsString("sub");
            return people.standing(subject, grantId, issuedAt).map(person -> person.map(p -> {
                Map<String, Object> claims = new LinkedHashMap<>();
                claims.put("sub", p.accountId().toString());
                UserInfoClaims.add(claims::put, new IdTokens.Subject(p.accountId().toString(), p.email(),
                        p.emailVerified(), p.name(), null, "", null), scopes);
                return Response.ok(claims).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
            }).orElseGet(UserInfoEndpoint::invalidToken));
        });
    }

    private static Response invalidToken() {
        return challenge(401, REALM + ", error=\"invalid_token\"", "invalid_token", "The access token is not valid");
    }

    private static Response challenge(int status, String header, String error, String description) {
        return Response.status(status).header(HttpHeaders.WWW_AUTHENTICATE, header)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description)).build();
    }
}
