package dev.gatehouse.token.signin;

import dev.gatehouse.token.crypto.OpaqueTokens;
import dev.gatehouse.token.session.SessionCookie;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * CSRF protection for the sign-in pages' forms: the double-submit cookie pattern (OWASP CSRF cheat sheet). The
 * browser holds a random value in an {@code HttpOnly}, {@code SameSite=Strict} cookie ({@code __Host-} prefixed
 * outside localhost, so a sibling subdomain cannot plant one); every form carries the same value in a hidden
 * field; a POST whose field does not equal its cookie is refused. Another site can make the browser send the
 * cookie on neither a cross-site POST (SameSite) nor know its value to put in the field.
 */
@ApplicationScoped
public class Csrf {

    public static final String FIELD = "csrf_token";
    static final String PREFIX = "gatehouse_csrf_";
    private static final Duration LIFETIME = Duration.ofHours(12);

    private final OpaqueTokens tokens;
    private final SessionCookie cookies;

    public Csrf(OpaqueTokens tokens, SessionCookie cookies) {
        this.tokens = tokens;
        this.cookies = cookies;
    }

    /** The browser's token if it has a well-formed one, otherwise a new one (set it with {@link #cookie}). */
    public String token(HttpHeaders headers) {
        String current = current(headers);
        return current != null ? current : tokens.newValue(PREFIX);
    }

    public NewCookie cookie(String token) {
        return cookies.set(SessionCookie.CSRF, token, LIFETIME, NewCookie.SameSite.STRICT);
    }

    /** Whether the form's token is the browser's own. */
    public boolean valid(HttpHeaders headers, String formToken) {
        String current = current(headers);
        return current != null && formToken != null && MessageDigest.isEqual(
                current.getBytes(StandardCharsets.UTF_8), formToken.getBytes(StandardCharsets.UTF_8));
    }

    private String current(HttpHeaders headers) {
        String value = cookies.value(headers, SessionCookie.CSRF);
        return value != null && value.startsWith(PREFIX) && value.length() < 100 ? value : null;
    }
}
