package dev.gatehouse.token.oauth;

import dev.gatehouse.token.error.OAuthError;

import java.util.List;
import java.util.Optional;

/** RFC 6749 §3.3: the requested scope must be within what the client may have; none requested means all of it. */
public final class Scopes {

    private Scopes() {
    }

    public static List<String> grant(Optional<List<String>> requested, List<String> allowed) {
        if (requested.isEmpty()) {
            return allowed;
        }
        List<String> notAllowed = requested.get().stream().filter(s -> !allowed.contains(s)).toList();
        if (!notAllowed.isEmpty()) {
            throw OAuthError.INVALID_SCOPE.because("Scope not allowed for this client: "
                    + String.join(" ", notAllowed));
        }
        return requested.get();
    }
}
