package dev.gatehouse.token.session;

import dev.gatehouse.token.TokenConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The cookies token-service sets on a browser: {@code HttpOnly} (no script reads them), {@code SameSite=Lax} (not
 * sent on cross-site POSTs), {@code Path=/}, and {@code Secure} whenever the issuer is not on the local machine.
 * With {@code Secure} the names take the {@code __Host-} prefix, so no other host (a sibling subdomain) can set
 * or shadow them (RFC 6265bis §4.1.3.2).
 */
@ApplicationScoped
public class SessionCookie {

    public static final String SESSION = "gatehouse_session";
    public static final String CSRF = "gatehouse_csrf";
    /** The sign-in step between a right password and a right second factor. */
    public static final String CHALLENGE = "gatehouse_challenge";
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final boolean secure;

    public SessionCookie(TokenConfig config) {
        String host = URI.create(config.issuer()).getHost();
        this.secure = host == null || !LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    /** The name a cookie has on the wire. */
    public String name(String base) {
        return secure ? "__Host-" + base : base;
    }

    /** The value of the browser's cookie {@code base} (under its wire name), or null. */
    public String value(HttpHeaders headers, String base) {
        Cookie cookie = headers.getCookies().get(name(base));
        return cookie == null ? null : cookie.getValue();
    }

    public NewCookie set(String base, String value, Duration maxAge, NewCookie.SameSite sameSite) {
        return new NewCookie.Builder(name(base)).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(sameSite).maxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds())).build();
    }

    public NewCookie clear(String base) {
        return new NewCookie.Builder(name(base)).value("").path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }
}
