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
public sealed interface TokenRequest permits TokenRequest.ClientCredentials {

    String grantType();

    /**
     * The request for {@code grantType}; {@code unsupported_grant_type} (RFC 6749 §5.2) when this server has no
     * such grant, {@code invalid_request} or {@code invalid_target} when a parameter is malformed.
     */
    static TokenRequest parse(String grantType, OAuthForm form) {
        if (GrantTypes.CLIENT_CREDENTIALS.equals(grantType)) {
            return new ClientCredentials(scope(form), CompanySelector.of(form));
        }
        throw OAuthError.UNSUPPORTED_GRANT_TYPE.because("Grant type '" + grantType + "' is not supported");
    }

    /**
     * RFC 6749 §3.3: space-delimited, order and repeats meaningless; absent means "what the client may have".
     */
    private static Optional<List<String>> scope(OAuthForm form) {
        return form.get("scope").map(s -> List.copyOf(new LinkedHashSet<>(Arrays.asList(s.trim().split(" +")))));
    }

    /** RFC 6749 §4.4: the client for itself; an app's client naming a company, for its installation there. */
    record ClientCredentials(Optional<List<String>> scope, Optional<UUID> company) implements TokenRequest {
        @Override
        public String grantType() {
            return GrantTypes.CLIENT_CREDENTIALS;
        }
    }
}
