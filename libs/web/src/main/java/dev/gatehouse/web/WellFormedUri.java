package dev.gatehouse.web;

import dev.gatehouse.web.problem.OAuthEndpoints;
import dev.gatehouse.web.problem.Problem;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Refuses a request URI that is not RFC 3986 (a broken percent-escape such as {@code %zz}, a lone {@code %}, a space)
 * with a 400 that has a body. Quarkus makes the same check before any route and answers an empty 400, unless the JVM
 * runs with {@code -Dvertx.disableURIValidation=true} (read once, when its HTTP recorder class loads, so it cannot be
 * set from configuration): our launchers, the test JVMs and dev mode set it, and this route, first on the router,
 * takes the check over. Without the flag nothing changes but the empty body, which start-up then warns about.
 */
@ApplicationScoped
public class WellFormedUri {

    static final String FLAG = "vertx.disableURIValidation";
    private static final Logger LOG = Logger.getLogger(WellFormedUri.class);

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
        // Vert.x Web fails a path it cannot normalize before any route runs; answer that with a body too
        router.errorHandler(400, context -> HttpErrors.refuse(context, 400, "Bad Request",
                "The request is malformed: its URI or path cannot be read (RFC 3986)", false));
        if (!Boolean.getBoolean(FLAG)) {
            LOG.warnf("-D%s=true is not set: a malformed request URI is answered with an empty 400", FLAG);
        }
    }

    void check(RoutingContext context) {
        try {
            new URI(context.request().uri());
            context.next();
        } catch (URISyntaxException e) {
            HttpErrors.refuse(context, 400, "Bad Request", "The request URI is not valid (RFC 3986): "
                    + e.getReason(), false);
        }
    }
}
