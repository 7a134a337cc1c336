package dev.gatehouse.console.web;

import dev.gatehouse.console.session.ConsoleSession;
import dev.gatehouse.console.session.ServerSideTokenState;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * CSRF protection for every change (OWASP's synchronizer token): a POST, PUT, PATCH or DELETE must carry the
 * session's token, as the form field {@value #FIELD} or, for htmx requests, the header {@value #HEADER} (layout.html
 * sets it on every htmx request). The session cookie is {@code SameSite=Lax} as a second line.
 */
public class CsrfCheck {

    public static final String FIELD = "csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final ErrorPages pages;

    public CsrfCheck(ErrorPages pages) {
        this.pages = pages;
    }

    @ServerRequestFilter
    @WithFormRead
    public Optional<Response> check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (SAFE.contains(request.getMethod())) {
            return Optional.empty();
        }
        ConsoleSession session = routing.get(ServerSideTokenState.SESSION);
        String sent = request.getHeaderString(HEADER);
        if (sent == null) {
            ResteasyReactiveRequestContext context =
                    (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object field = context.getFormParameter(FIELD, true, false);
            sent = field == null ? null : field.toString();
        }
        if (session == null || sent == null || !MessageDigest.isEqual(
                session.csrfToken().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(pages.page(403, "This form has expired",
                    "It was not sent from this console session. Go back, reload the page and send it again."));
        }
        return Optional.empty();
    }
}
