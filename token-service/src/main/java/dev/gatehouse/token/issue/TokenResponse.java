package dev.gatehouse.token.issue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The successful token response of RFC 6749 §5.1; for a person's sign-in also {@code refresh_token} and, for an
 * OpenID Connect request, {@code id_token}. An installation token (an app's token for one company) also says
 * what it grants, as GitHub does for installation tokens: the company, the installation, the tool permissions and
 * the permitted projects (RFC 6749 §5.1 allows additional parameters).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        String scope,
        @JsonProperty("company_id") UUID companyId,
        @JsonProperty("installation_id") UUID installationId,
        Map<String, Object> permissions,
        @JsonProperty("project_ids") List<UUID> projectIds,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("id_token") String idToken) {

    public static TokenResponse of(AccessToken token) {
        return new TokenResponse(token.value(), "Bearer",
                token.expiresAt().getEpochSecond() - token.issuedAt().getEpochSecond(),
                String.join(" ", token.scopes()), null, null, null, null, null, null);
    }

    public TokenResponse withInstallation(UUID company, UUID installation, Map<String, Object> granted,
            List<UUID> projects) {
        return new TokenResponse(accessToken, tokenType, expiresIn, scope, company, installation, granted, projects,
                refreshToken, idToken);
    }

    /** A person's tokens: the refresh token (RFC 6749 §5.1) and the ID token (OpenID Connect Core §3.1.3.3). */
    public TokenResponse withPersonTokens(String refresh, String id) {
        return new TokenResponse(accessToken, tokenType, expiresIn, scope, companyId, installationId, permissions,
                projectIds, refresh, id);
    }
}
