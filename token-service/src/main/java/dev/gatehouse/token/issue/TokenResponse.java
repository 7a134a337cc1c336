package dev.gatehouse.token.issue;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The successful token response of RFC 6749 §5.1. */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        String scope) {

    public static TokenResponse of(AccessToken token) {
        return new TokenResponse(token.value(), "Bearer",
                token.expiresAt().getEpochSecond() - token.issuedAt().getEpochSecond(),
                String.join(" ", token.scopes()));
    }
}
