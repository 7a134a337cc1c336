package dev.gatehouse.token.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * RFC 6749 §5.2 error bodies: {@code {"error", "error_description"}}, never cached (§5.1), and for
 * {@code invalid_client} a 401 with a {@code WWW-Authenticate} challenge.
 */
public class OAuthExceptionMapper {

    /** The error body. */
    public record ErrorBody(String error, @JsonProperty("error_description") String errorDescription) {
    }

    @ServerExceptionMapper
    public Response map(OAuthException e) {
        Response.ResponseBuilder response = Response.status(e.error().status())
                .type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .entity(new ErrorBody(e.error().code(), e.getMessage()));
        if (e.error() == OAuthError.INVALID_CLIENT) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"gatehouse\"");
        }
        // RFC 9110 §10.2.3: whole seconds, rounded up so a client that obeys is not refused again.
        e.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER,
                Math.max(1, (wait.toMillis() + 999) / 1000)));
        return response.build();
    }
}
