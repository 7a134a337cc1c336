package dev.gatehouse.web.problem;

/**
 * Recognises PostgreSQL's unique_violation (SQLSTATE 23505) however the reactive stack wrapped it, so a race that
 * slips past a service's own duplicate check still becomes a 409 rather than a 500.
 */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
