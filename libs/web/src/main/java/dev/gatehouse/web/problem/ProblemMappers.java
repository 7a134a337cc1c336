package dev.gatehouse.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every error a request can meet into an RFC 9457 body: always a body, never a class name or stack trace.
 * Unexpected failures are logged with a reference the caller can quote.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(ProblemException.invalid(errors).problem());
    }

    // Named explicitly: Quarkus ships its own mapper for MismatchedInputException, more specific than ours.
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadableBody(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        String detail = field.isEmpty()
                ? "The request body is not valid JSON"
                : "Field '" + field + "' has the wrong type or format";
        return respond(new Problem(Problem.TYPE_BASE + "unreadable-body", "Unreadable request body", 400, detail,
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, detail))));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers) {
        // RFC 6750 §3: a missing token gets a bare Bearer challenge; a token that was sent but is expired, revoked,
        // malformed or forged gets error="invalid_token" (§3.1), so the client knows to get a new one.
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        String detail = presented ? "The bearer token is invalid, expired or revoked; get a new one"
                : "A valid bearer token is required";
        return Response.fromResponse(respond(new Problem(Problem.ABOUT_BLANK, "Unauthorized", 401, detail,
                        List.of())))
                .header(HttpHeaders.WWW_AUTHENTICATE, presented ? "Bearer error=\"invalid_token\"" : "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(ProblemException.forbidden("Your token does not grant access to this resource").problem());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, ResourceInfo resource, UriInfo uri) {
        // The JSON reader reports an unreadable body as a 400 wrapping Jackson's exception.
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableBody(json);
        }
        int status = e.getResponse().getStatus();
        // A query or path parameter that does not convert is a 404 by JAX-RS; the client needs to hear which.
        if (status == 404 && e.getCause() != null) {
            Optional<Problem.FieldError> wrong = ParameterErrors.find(resource, uri);
            if (wrong.isPresent()) {
                return respond(ProblemException.invalid(List.of(wrong.get())).problem());
            }
        }
        if (status >= 500) {
            return unexpected(e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        return respond(new Problem(Problem.ABOUT_BLANK, title, status, detailFor(status), List.of()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (isConcurrentChange(e)) {
            return respond(new Problem(Problem.TYPE_BASE + "conflict", "Conflict", 409,
                    "Someone changed this at the same moment; read it again and retry", List.of()));
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, reference %s", reference);
        return respond(new Problem(Problem.ABOUT_BLANK, "Internal Server Error", 500,
                "Something went wrong on our side; quote reference " + reference, List.of()));
    }

    /**
     * Two requests racing on one row: an optimistic-lock failure (Hibernate's stale state, JPA's optimistic lock)
     * or a unique key that the other request took first. Matched by name, so this library needs no JPA.
     */
    private static boolean isConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("StaleObjectStateException") || name.equals("StaleStateException")
                    || name.equals("OptimisticLockException") || UniqueViolation.is(t)) {
                return true;
            }
        }
        return false;
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this path";
            case 405 -> "This path does not support that method";
            case 406 -> "This resource cannot produce the media type asked for";
            case 415 -> "Send the request body as application/json";
            default -> "The request could not be processed";
        };
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Method validation paths look like "create.request.name"; the caller knows the field as "name".
        String last = "";
        int depth = 0;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            depth++;
            last = node.getName();
            if (depth > 2 && node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // An element of a list field ("scopes[1]"), not the validator's "<list element>".
                field.append(node.getIndex() == null ? "" : "[" + node.getIndex() + "]");
            } else if (depth > 2 && node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? last : field.toString();
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
