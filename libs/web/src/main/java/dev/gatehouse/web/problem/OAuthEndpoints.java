package dev.gatehouse.web.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * token-service's OAuth endpoints live under {@code /oauth2/} and answer errors the RFC 6749 §5.2 way, not as
 * problems: also the errors that the shared request filters raise before an endpoint runs.
 */
public final class OAuthEndpoints {

    public static final String PATH_PREFIX = "/oauth2/";

    private OAuthEndpoints() {
    }

    /** Whether {@code path} (as the request URI has it, with its leading slash) is an OAuth endpoint's. */
    public static boolean serve(String path) {
        return path != null && path.startsWith(PATH_PREFIX);
    }

    /** RFC 6749 §5.2 {@code invalid_request}, never cached (§5.1). */
    public static Response invalidRequest(String description) {
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache")
                .entity(invalidRequestBody(description)).build();
    }

    /** The body of an RFC 6749 §5.2 {@code invalid_request}. */
    public static Map<String, String> invalidRequestBody(String description) {
        return Map.of("error", "invalid_request", "error_description", description);
    }
}
