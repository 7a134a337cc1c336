package dev.gatehouse.token.clientadmin;

import dev.gatehouse.web.problem.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which redirect URIs a client may register. They are compared exactly at the authorization endpoint (RFC 9700
 * §2.1: no patterns), so what is registered must be a complete absolute URI without a fragment (RFC 6749 §3.1.2):
 * {@code https}, or {@code http} on the loopback interface only (RFC 8252 §7.3, tools on the person's own machine),
 * or, for a public client, a private-use scheme in reverse-domain form (RFC 8252 §7.1, native apps).
 */
final class RedirectUris {

    static final int MAX_LENGTH = 2000;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private RedirectUris() {
    }

    /** The URIs, checked; a 400 naming the field and the first one that may not be registered. */
    static List<String> valid(String field, List<String> uris, boolean publicClient) {
        if (uris == null) {
            return List.of();
        }
        for (String uri : uris) {
            String refusal = refusal(uri, publicClient);
            if (refusal != null) {
                throw ProblemException.invalid(field, refusal + ": " + abbreviated(uri));
            }
        }
        return uris.stream().distinct().toList();
    }

    private static String refusal(String value, boolean publicClient) {
        if (value.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return "must not contain spaces or control characters";
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "is not a URI";
        }
        if (!uri.isAbsolute() || uri.getFragment() != null) {
            return "must be an absolute URI without a fragment (RFC 6749 §3.1.2)";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return uri.getHost() == null ? "must name a host" : null;
        }
        if (scheme.equals("http")) {
            return uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT)) ? null
                    : "http is allowed only on the loopback interface (RFC 8252 §7.3); use https";
        }
        if (publicClient && scheme.contains(".") && !scheme.startsWith("javascript") && !scheme.equals("data")) {
            return null;
        }
        return publicClient ? "must be https, http on loopback, or a reverse-domain private-use scheme (RFC 8252 §7.1)"
                : "must be https (or http on loopback)";
    }

    private static String abbreviated(String uri) {
        return uri.length() <= 100 ? uri : uri.substring(0, 100) + "…";
    }
}
