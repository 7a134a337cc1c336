package dev.gatehouse.console.web;

import dev.gatehouse.console.api.ApiProblem;
import dev.gatehouse.console.session.ConsoleSessions;
import dev.gatehouse.console.session.NoRoleThere;
import dev.gatehouse.console.session.ServerSideTokenState;
import dev.gatehouse.console.session.ConsoleSession;
import dev.gatehouse.console.session.SignInEnded;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * What a browser sees when a page cannot be shown: a plain page with what went wrong and where to go, never a stack
 * trace. A refusal that belongs to a form is shown next to the form by the page itself; these are the rest.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Template error;
    private final ConsoleSessions sessions;

    public ErrorPages(@Location("error.html") Template error, ConsoleSessions sessions) {
        this.error = error;
        this.sessions = sessions;
    }

    /** A page for {@code status} with a title and what to do. */
    public Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("status", status).data("title", title).data("detail", detail).render()).build();
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, RoutingContext routing) {
        if (problem.status() == 401) {
            // The service no longer takes the person's token (signed out elsewhere, account disabled).
            return signInAgain(new SignInEnded(problem.detail()), routing);
        }
        return page(problem.status(), problem.title(), problem.detail());
    }

    @ServerExceptionMapper
    public Response noRole(NoRoleThere refused) {
        String place = refused.context().kind() == dev.gatehouse.console.session.Context.Kind.COMPANY
                ? "this company" : "this developer organization";
        return page(403, "You have no role in " + place,
                "Ask one of its admins to add you, or choose another place from the start page.");
    }

    @ServerExceptionMapper
    public Response signInAgain(SignInEnded ended, RoutingContext routing) {
        ConsoleSession session = routing.get(ServerSideTokenState.SESSION);
        if (session != null) {
            sessions.end(session.handle());
        }
        // The same page again (a GET) or the start page: with the session gone, quarkus-oidc signs the person in
        // first and then brings them back there.
        String again = "GET".equals(routing.request().method().name()) && routing.request().uri().startsWith("/")
                ? routing.request().uri() : "/";
        if ("true".equals(routing.request().getHeader("HX-Request"))) {
            return Response.ok().header("HX-Redirect", again).build();
        }
        return Response.seeOther(URI.create(again)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return page(status, status == 404 ? "Not found" : "That request cannot be answered",
                    status == 404 ? "There is no such page in the console." : "Check the address and try again.");
        }
        LOG.error("A console page failed", e);
        return page(500, "Something went wrong", "The console could not show this page. Try again in a moment.");
    }
}
