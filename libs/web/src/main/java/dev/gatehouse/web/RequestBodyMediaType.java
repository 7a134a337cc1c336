package dev.gatehouse.web;

import dev.gatehouse.web.problem.OAuthEndpoints;
import dev.gatehouse.web.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Set;

/**
 * What a request body must say it is. Every Gatehouse endpoint reads JSON, and the OAuth endpoints forms:
 * <ul>
 *   <li>a POST, PUT or PATCH with no body and no {@code Content-Type} ({@code curl -X POST …/disable}) is read as an
 *       empty JSON body, so an endpoint whose body is optional sees "no body" rather than answering 415;</li>
 *   <li>a body with no {@code Content-Type}, or of any other type (text/plain, XML…), is refused with a 415
 *       problem before any endpoint reads it, instead of being guessed at as JSON or stored as raw text.</li>
 * </ul>
 */
public class RequestBodyMediaType {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        if (!WITH_BODY.contains(request.getMethod())
                || OAuthEndpoints.serve(request.getUriInfo().getRequestUri().getRawPath())) {
            // the OAuth endpoints refuse other media types themselves, as RFC 6749 §5.2 invalid_request
            return null;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
        boolean empty = !chunked && (length == null || length.strip().equals("0"));
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            if (empty) {
                request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
                return null;
            }
            return refuse("The request has a body but no Content-Type: send it as application/json "
                    + "(the OAuth endpoints take application/x-www-form-urlencoded)");
        }
        if (empty || accepted(type)) {
            return null;
        }
        return refuse("This API reads application/json (the OAuth endpoints application/x-www-form-urlencoded), "
                + "not the media type sent");
    }

    private static boolean accepted(String contentType) {
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return false;
        }
        // Exact names only: a wildcard (*/*) is "compatible" with JSON, but says nothing about the body.
        String subtype = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
        return "application".equalsIgnoreCase(type.getType())
                && (subtype.equals("json") || subtype.endsWith("+json") || subtype.equals("x-www-form-urlencoded"));
    }

    private static Response refuse(String detail) {
        return Response.status(415).type(Problem.MEDIA_TYPE).entity(new Problem(Problem.ABOUT_BLANK,
                "Unsupported Media Type", 415, detail, List.of())).build();
    }
}
