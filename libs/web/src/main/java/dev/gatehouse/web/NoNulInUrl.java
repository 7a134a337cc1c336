package dev.gatehouse.web;

import dev.gatehouse.web.problem.OAuthEndpoints;
import dev.gatehouse.web.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * Refuses a URL whose path or query holds a NUL character ({@code %00}) with a 400 problem (an RFC 6749
 * {@code invalid_request} on the OAuth endpoints), before any resource
 * sees it: PostgreSQL cannot store NUL. (A broken percent-escape rarely gets this far: the HTTP layer refuses most
 * itself; one that does is refused here too.)
 */
public class NoNulInUrl {

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String path;
        MultivaluedMap<String, String> query;
        try {
            path = request.getUriInfo().getPath(true);
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException e) {
            return refuse(request, "The URL has a malformed percent-escape");
        }
        if (path.indexOf('\u0000') >= 0) {
            return refuse(request, "The URL path must not contain the NUL character (%00)");
        }
        for (var entry : query.entrySet()) {
            if (entry.getKey().indexOf('\u0000') >= 0
                    || entry.getValue().stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                return refuse(request, "Query parameter '" + entry.getKey().replace('\u0000', '?')
                        + "' must not contain the NUL character (%00)");
            }
        }
        return null;
    }

    private static Response refuse(ContainerRequestContext request, String detail) {
        if (OAuthEndpoints.serve(request.getUriInfo().getRequestUri().getRawPath())) {
            return OAuthEndpoints.invalidRequest(detail);
        }
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.ABOUT_BLANK, "Bad Request", 400, detail, List.of())).build();
    }
}
