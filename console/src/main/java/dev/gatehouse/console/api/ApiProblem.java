package dev.gatehouse.console.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A service refused a call, as its RFC 9457 problem body says (or the console could not reach it): the page shows the
 * title and detail in plain words, and each field error next to its field.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    /** One entry of a problem's {@code errors}: which field, and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public ApiProblem(int status, String type, String title, String detail, List<FieldError> errors) {
        super(status + " " + title, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem unreachable(Service service) {
        return new ApiProblem(503, "unreachable", service.displayName() + " did not answer",
                "The console could not reach " + service.displayName() + ". Try again in a moment.", List.of());
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem's {@code type} URI ({@code last-owner}, {@code validation}, …). */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Field errors by field name, for templates: {@code problem.fieldErrors.name}. */
    public Map<String, String> fieldErrors() {
        return errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::message,
                (a, b) -> a + "; " + b));
    }
}
