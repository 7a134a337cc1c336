package dev.gatehouse.token.grant;

import dev.gatehouse.token.error.OAuthError;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** RFC 6749 §3.3: the requested scope must be within what the client may have; none requested means all of it. */
public final class Scopes {

    private Scopes() {
    }

    public static List<String> grant(Optional<String> requested, List<String> allowed) {
        if (requested.isEmpty()) {
            return allowed;
        }
        Set<String> asked = new LinkedHashSet<>(Arrays.asList(requested.get().trim().split(" +")));
        List<String> notAllowed = asked.stream().filter(s -> !allowed.contains(s)).toList();
        if (!notAllowed.isEmpty()) {
            throw OAuthError.INVALID_SCOPE.because("Scope not allowed for this client: " + String.join(" ", notAllowed));
        }
        return List.copyOf(asked);
    }
}
