package dev.gatehouse.token.endpoint;

import dev.gatehouse.events.permission.ScopeCatalogue;
import dev.gatehouse.token.TokenConfig;
import dev.gatehouse.token.authentication.ClientAuthenticator;
import dev.gatehouse.token.key.KeyPairs;
import dev.gatehouse.token.oauth.FirstPartyScopes;
import dev.gatehouse.token.oauth.GrantTypes;
import dev.gatehouse.token.oidc.IdTokens;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Authorization server metadata (RFC 8414 §3), also at the OpenID discovery path, so that off-the-shelf OAuth
 * client libraries and resource servers (quarkus-oidc among them) configure themselves from the issuer alone.
 */
@Path("/.well-known")
@PermitAll
@Tag(name = "OAuth 2.0")
@SecurityRequirementsSet
public class MetadataEndpoint {

    private static final List<String> AUTH_METHODS = List.of(ClientAuthenticator.BASIC, ClientAuthenticator.POST,
            ClientAuthenticator.PRIVATE_KEY_JWT);
    /** The token endpoint also takes public clients, which name themselves and prove possession with PKCE. */
    private static final List<String> TOKEN_AUTH_METHODS = List.of(ClientAuthenticator.BASIC,
            ClientAuthenticator.POST, ClientAuthenticator.PRIVATE_KEY_JWT, ClientAuthenticator.NONE);
    /** What private_key_jwt assertions may be signed with (RFC 8414 §2). */
    private static final List<String> ASSERTION_ALGORITHMS = List.of("RS256", "PS256", "ES256");

    private final Map<String, Object> metadata;

    public MetadataEndpoint(TokenConfig config) {
        String issuer = config.issuer().replaceAll("/+$", "");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", issuer);
        m.put("token_endpoint", issuer + "/oauth2/token");
        m.put("jwks_uri", issuer + "/oauth2/jwks");
        m.put("introspection_endpoint", issuer + "/oauth2/introspect");
        m.put("revocation_endpoint", issuer + "/oauth2/revoke");
        m.put("authorization_endpoint", issuer + "/oauth2/authorize");
        m.put("userinfo_endpoint", issuer + "/oauth2/userinfo");
        m.put("end_session_endpoint", issuer + "/oauth2/logout");
        m.put("grant_types_supported", List.of(GrantTypes.CLIENT_CREDENTIALS, GrantTypes.AUTHORIZATION_CODE,
                GrantTypes.REFRESH_TOKEN));
        // RFC 9700 §2.1.2: code only; no implicit or hybrid flow, no password grant (§2.4).
        m.put("response_types_supported", List.of("code"));
        m.put("response_modes_supported", List.of("query"));
        m.put("code_challenge_methods_supported", List.of("S256"));
        // RFC 8414 §2: OpenID Connect's scopes and the catalogue's (GET /scopes on directory-service).
        List<String> scopes = new ArrayList<>(FirstPartyScopes.ALL);
        scopes.addAll(ScopeCatalogue.names());
        m.put("scopes_supported", scopes);
        m.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr",
                "at_hash", "azp", "sid", "email", "email_verified", "name"));
        m.put("acr_values_supported", List.of(IdTokens.ACR_PASSWORD, IdTokens.ACR_SECOND_FACTOR));
        m.put("prompt_values_supported", List.of("none", "login", "consent", "select_account"));
        m.put("authorization_response_iss_parameter_supported", true);
        m.put("request_parameter_supported", false);
        m.put("request_uri_parameter_supported", false);
        m.put("claims_parameter_supported", false);
        m.put("token_endpoint_auth_methods_supported", TOKEN_AUTH_METHODS);
        m.put("token_endpoint_auth_signing_alg_values_supported", ASSERTION_ALGORITHMS);
        m.put("introspection_endpoint_auth_methods_supported", AUTH_METHODS);
        m.put("revocation_endpoint_auth_methods_supported", TOKEN_AUTH_METHODS);
        m.put("subject_types_supported", List.of("public"));
        m.put("id_token_signing_alg_values_supported", KeyPairs.ALGORITHMS);
        m.put("access_token_signing_alg_values_supported", KeyPairs.ALGORITHMS);
        this.metadata = Collections.unmodifiableMap(m);
    }

    @GET
    @Path("/oauth-authorization-server")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OAuth 2.0 Authorization Server Metadata (RFC 8414)")
    public Map<String, Object> oauth() {
        return metadata;
    }

    @GET
    @Path("/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same metadata at the OpenID Connect discovery path")
    public Map<String, Object> openid() {
        return metadata;
    }
}
