package dev.gatehouse.token.issue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The successful token response of RFC 6749 §5.1. An installation token (an app's token for one company) also says
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
        @JsonProperty("project_ids") List<UUID> projectIds) {

    public static TokenResponse of(AccessToken token) {
        return new TokenResponse(token.value(), "Bearer",
                token.expiresAt().getEpochSecond() - token.issuedAt().getEpochSecond(),
                String.join(" ", token.scopes()), null, null, null, null);
    }

    public TokenResponse withInstallation(UUID company, UUID installation, Map<String, Object> granted,
            List<UUID> projects) {
        return new TokenResponse(accessToken, tokenType, expiresIn, scope, company, installation, granted, projects);
    }
}
