package dev.gatehouse.token.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.web.problem.OAuthEndpoints;
import dev.gatehouse.web.problem.Problem;
import dev.gatehouse.web.problem.ProblemMappers;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * RFC 6749 §5.2 error bodies: {@code {"error", "error_description"}}, never cached (§5.1), and for
 * {@code invalid_client} a 401 with a {@code WWW-Authenticate} challenge.
 */
public class OAuthExceptionMapper {

    private static final ProblemMappers UNEXPECTED = new ProblemMappers();

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

    /**
     * The OAuth endpoints take form parameters only (RFC 6749 §3.2, RFC 7009 §2.1, RFC 7662 §2.1): a body of another
     * type is an OAuth {@code invalid_request} that says so (§5.2), not the APIs' problem telling the client to send
     * JSON, which is what every other endpoint here takes.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response wrongMediaType(NotSupportedException e, UriInfo uri) {
        if (OAuthEndpoints.serve(uri.getPath())) {
            return map(OAuthError.INVALID_REQUEST.because(
                    "Send the parameters as application/x-www-form-urlencoded"));
        }
        return Response.status(415).type(Problem.MEDIA_TYPE).entity(new Problem(Problem.ABOUT_BLANK,
                "Unsupported Media Type", 415, "Send the request body as application/json", List.of())).build();
    }

    /**
     * A form whose percent-escapes do not decode fails in the framework's form reader, before any endpoint: on the
     * OAuth endpoints that is the client's {@code invalid_request} (RFC 6749 §5.2). Anything else stays an
     * unexpected failure, answered as one.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response undecodable(IllegalArgumentException e, UriInfo uri) {
        if (OAuthEndpoints.serve(uri.getPath()) && raisedWhileDecoding(e)) {
            return map(OAuthError.INVALID_REQUEST.because("The form could not be decoded: a malformed "
                    + "percent-escape (RFC 3986 §2.1)"));
        }
        return UNEXPECTED.unexpected(e);
    }

    private static boolean raisedWhileDecoding(IllegalArgumentException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals("java.net.URLDecoder")) {
                return true;
            }
        }
        return false;
    }
}
