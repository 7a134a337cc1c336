package dev.gatehouse.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.web.problem.OAuthEndpoints;
import dev.gatehouse.web.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Error answers written straight to Vert.x, for requests refused before JAX-RS sees them: an RFC 9457 problem, or
 * on the OAuth endpoints an RFC 6749 §5.2 error.
 */
final class HttpErrors {

    private HttpErrors() {
    }

    /** {@code close}: the rest of the request is never read, so the connection ends with the answer. */
    static void refuse(RoutingContext context, int status, String title, String detail, boolean close) {
        boolean oauth = OAuthEndpoints.serve(context.request().path());
        Object body = oauth ? OAuthEndpoints.invalidRequestBody(detail)
                : new Problem(Problem.ABOUT_BLANK, title, status, detail, List.of());
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body always serializes", e);
        }
        var response = context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, oauth ? "application/json" : Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (close) {
            // the rest of the body is never read: end the connection rather than wait for it
            response.putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ended -> context.request().connection().close());
        }
        response.end(json);
    }
}
