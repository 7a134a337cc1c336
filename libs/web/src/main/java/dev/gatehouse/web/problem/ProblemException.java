package dev.gatehouse.web.problem;

import java.util.List;

/** Thrown anywhere in a request to answer with a problem+json body instead of the normal response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + "not-found", "Not Found", 404,
                what + " " + id + " does not exist", List.of()));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + "conflict", "Conflict", 409, detail, List.of()));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403, detail,
                List.of()));
    }

    /**
     * A problem with its own type, for a refusal that needs more explanation than its status gives.
     *
     * @param type the last segment of the problem type URI, e.g. {@code app-managed}
     */
    public static ProblemException of(int status, String type, String title, String detail) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + type, title, status, detail, List.of()));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400,
                "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s"), errors));
    }
}
