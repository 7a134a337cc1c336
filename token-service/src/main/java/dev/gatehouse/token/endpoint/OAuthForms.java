package dev.gatehouse.token.endpoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.token.oauth.TokenRequest;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The form parameters of the OAuth endpoints, for the OpenAPI document only: the endpoints read the raw form
 * ({@link OAuthForm}), because RFC 6749 §3.2 requires them to refuse a repeated parameter, which binding would hide.
 */
final class OAuthForms {

    private OAuthForms() {
    }

    /**
     * How a client authenticates in the form (RFC 6749 §2.3.1 client_secret_post, or RFC 7523 private_key_jwt); with
     * HTTP Basic the credentials go in the Authorization header instead.
     */
    @Schema(name = "ClientAuthentication")
    record ClientAuthentication(
            @Schema(description = "The client's id, with client_secret_post or an assertion")
            @JsonProperty("client_id") String clientId,
            @Schema(description = "The client's secret (client_secret_post)")
            @JsonProperty("client_secret") String clientSecret,
            @Schema(description = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer, with private_key_jwt "
                    + "(RFC 7523 §2.2)") @JsonProperty("client_assertion_type") String clientAssertionType,
            @Schema(description = "A JWT signed with one of the client's registered keys (RFC 7523 §3)")
            @JsonProperty("client_assertion") String clientAssertion) {
    }

    /** RFC 6749 §4.4.2, with RFC 8707 {@code resource} naming the company for an app's installation token. */
    @Schema(name = "TokenRequest", allOf = ClientAuthentication.class)
    record TokenRequest(
            @Schema(required = true, enumeration = "client_credentials") @JsonProperty("grant_type") String grantType,
            @Schema(description = "Space-separated scopes (RFC 6749 §3.3); default: all the client's scopes")
            String scope,
            @Schema(description = "The company an app's installation token is for (RFC 8707): "
                    + "urn:gatehouse:company:{companyId}, or a URL ending in /companies/{companyId}") String resource,
            @Schema(description = "The same company by its id, for clients that cannot send resource")
            @JsonProperty("company_id") String companyId) {
    }

    /** RFC 7662 §2.1 and RFC 7009 §2.1: the token, and the calling client's credentials. */
    @Schema(name = "TokenReference", allOf = ClientAuthentication.class)
    record TokenReference(
            @Schema(required = true, description = "The access token") String token,
            @Schema(description = "access_token; any other hint is ignored (RFC 7009 §2.1)")
            @JsonProperty("token_type_hint") String tokenTypeHint) {
    }

    /** RFC 7662 §2.2; an installation token's answer adds what it grants now. */
    @Schema(name = "IntrospectionResponse")
    record IntrospectionResponse(
            @Schema(required = true) boolean active,
            String scope, @JsonProperty("client_id") String clientId, String sub, String iss, List<String> aud,
            @JsonProperty("token_type") String tokenType, Long exp, Long iat, String jti,
            @JsonProperty("company_id") String companyId, @JsonProperty("installation_id") String installationId,
            @Schema(type = SchemaType.OBJECT, description = "Tool permissions, by level") Object permissions,
            @JsonProperty("project_ids") List<String> projectIds) {
    }
}
