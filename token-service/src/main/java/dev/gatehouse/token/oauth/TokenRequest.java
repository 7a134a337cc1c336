package dev.gatehouse.token.oauth;

import dev.gatehouse.token.error.OAuthError;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A token request (RFC 6749 §4.4.2), parsed once from its form after the client has been authenticated; each
 * grant type's handler receives its own record and never reads the form again.
 */
public sealed interface TokenRequest permits TokenRequest.ClientCredentials, TokenRequest.AuthorizationCode,
        TokenRequest.RefreshToken {

    String grantType();

    /**
     * The request for {@code grantType}; {@code unsupported_grant_type} (RFC 6749 §5.2) when this server has no
     * such grant, {@code invalid_request} or {@code invalid_target} when a parameter is malformed.
     */
    static TokenRequest parse(String grantType, OAuthForm form) {
        switch (grantType) {
            case GrantTypes.CLIENT_CREDENTIALS:
                return new ClientCredentials(scope(form), CompanySelector.of(form));
            case GrantTypes.AUTHORIZATION_CODE:
                return new AuthorizationCode(form.require("code"), form.get("redirect_uri"),
                        form.get("code_verifier").orElseThrow(() -> OAuthError.INVALID_REQUEST.because(
                                "code_verifier is required: every authorization request uses PKCE (RFC 7636)")),
                        ActingIn.of(form));
            case GrantTypes.REFRESH_TOKEN:
                return new RefreshToken(form.require("refresh_token"), scope(form), ActingIn.of(form));
            default:
                break;
        }
        throw OAuthError.UNSUPPORTED_GRANT_TYPE.because("Grant type '" + grantType + "' is not supported");
    }

    /**
     * RFC 6749 §3.3: space-delimited, order and repeats meaningless; absent means "what the client may have".
     */
    private static Optional<List<String>> scope(OAuthForm form) {
        return form.get("scope").map(s -> List.copyOf(new LinkedHashSet<>(Arrays.asList(s.trim().split(" +")))));
    }

    /**
     * RFC 6749 §4.1.3 with RFC 7636 §4.5: a code, the redirect URI it was asked for, and the PKCE verifier; and
     * optionally the company or developer organization the person's access token is to act in.
     */
    record AuthorizationCode(String code, Optional<String> redirectUri, String codeVerifier, ActingIn actingIn)
            implements TokenRequest {
        @Override
        public String grantType() {
            return GrantTypes.AUTHORIZATION_CODE;
        }
    }

    /**
     * RFC 6749 §6: a refresh token, optionally a narrower scope, and optionally the company or developer
     * organization the new access token is to act in: one sign-in serves every company and organization the person
     * belongs to (RFC 8707 §2.2 lets each refresh name its own resource).
     */
    record RefreshToken(String refreshToken, Optional<List<String>> scope, ActingIn actingIn)
            implements TokenRequest {
        @Override
        public String grantType() {
            return GrantTypes.REFRESH_TOKEN;
        }
    }

    /** RFC 6749 §4.4: the client for itself; an app's client naming a company, for its installation there. */
    record ClientCredentials(Optional<List<String>> scope, Optional<UUID> company) implements TokenRequest {
        @Override
        public String grantType() {
            return GrantTypes.CLIENT_CREDENTIALS;
        }
    }
}
