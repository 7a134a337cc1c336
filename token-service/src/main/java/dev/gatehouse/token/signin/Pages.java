package dev.gatehouse.token.signin;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;

/**
 * The server-rendered pages people see at token-service (Qute templates under {@code templates/signin}), and the
 * headers every one of them carries: never cached (they hold CSRF tokens), never framed (clickjacking:
 * {@code X-Frame-Options} and CSP {@code frame-ancestors}), no script at all, styles only from this server, no
 * referrer (a URL here can hold a code or a state). CSP has no {@code form-action}: browsers apply it to the
 * redirects after a form, and signing in ends at the application's own redirect URI.
 */
@ApplicationScoped
public class Pages {

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";

    private final Template signIn;
    private final Template message;
    private final Template signedIn;
    private final Template signOut;

    public Pages(@Location("signin/signin.html") Template signIn, @Location("signin/message.html") Template message,
            @Location("signin/signed-in.html") Template signedIn, @Location("signin/signout.html") Template signOut) {
        this.signIn = signIn;
        this.message = message;
        this.signedIn = signedIn;
        this.signOut = signOut;
    }

    public TemplateInstance signIn() {
        return signIn.instance();
    }

    public TemplateInstance signedIn() {
        return signedIn.instance();
    }

    public TemplateInstance signOut() {
        return signOut.instance();
    }

    /** A page that only says something: an error ({@code kind} "error") or news ("info"). */
    public Response message(int status, String heading, String text, String kind) {
        return html(status, messagePage(heading, text, kind));
    }

    /** The page of {@link #message}, to send with cookies of its own. */
    public TemplateInstance messagePage(String heading, String text, String kind) {
        return message.data("heading", heading).data("message", text).data("kind", kind).data("link", null)
                .data("linkText", null);
    }

    /** As {@link #message}, asking the browser to wait before trying again. */
    public Response retryLater(int status, String heading, String text, Duration wait) {
        return Response.fromResponse(message(status, heading, text, "error"))
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, (wait.toMillis() + 999) / 1000)).build();
    }

    public Response html(int status, TemplateInstance page, NewCookie... cookies) {
        return secured(Response.status(status).entity(page.render()).type("text/html;charset=UTF-8"))
                .cookie(cookies).build();
    }

    /** 303 See Other: after a form, the browser GETs the next page (RFC 9110 §15.4.4). */
    public Response seeOther(URI location, NewCookie... cookies) {
        return secured(Response.seeOther(location)).cookie(cookies).build();
    }

    public static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache")
                .header("X-Frame-Options", "DENY").header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer");
    }
}
