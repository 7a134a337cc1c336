package dev.gatehouse.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Lets a client leave out an optional JSON body entirely ({@code curl -X POST …/disable}): a POST, PUT or PATCH
 * with no body and no {@code Content-Type} is read as an empty JSON body, so the endpoint sees "no body" rather than
 * answering 415. A request that has a body must still say what it is.
 */
public class EmptyBodyAsJson {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public void defaultContentType(ContainerRequestContext request) {
        if (!WITH_BODY.contains(request.getMethod()) || request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null) {
            return;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
        if (!chunked && (length == null || length.strip().equals("0"))) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
