package dev.gatehouse.outbox;

import io.vertx.pgclient.PgException;

import java.time.DateTimeException;
import java.util.Set;

/**
 * Tells a failure that will happen again however often an event is retried (the data does not fit, a constraint
 * refuses it, the handler cannot read it) from one that may pass later (the database or the network is away).
 * Only the first kind counts towards parking an event; anything not known to be permanent is retried as before.
 */
final class ConsumerFailures {

    /** SQLSTATE classes that no retry changes: data exception, integrity constraint, syntax or access rule. */
    private static final Set<String> PERMANENT_SQL_CLASSES = Set.of("22", "23", "42");
    private static final Set<String> PERMANENT_BY_NAME = Set.of("ConstraintViolationException", "DataException",
            "PropertyValueException", "ProblemException", "MalformedEventException");

    private ConsumerFailures() {
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().length() >= 2
                    && PERMANENT_SQL_CLASSES.contains(pg.getSqlState().substring(0, 2))) {
                return true;
            }
            if (t instanceof IllegalArgumentException || t instanceof NullPointerException
                    || t instanceof ClassCastException || t instanceof IndexOutOfBoundsException
                    || t instanceof ArithmeticException || t instanceof DateTimeException
                    || t instanceof UnsupportedOperationException
                    || PERMANENT_BY_NAME.contains(t.getClass().getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    /** What is recorded of a failure: class and message of its root, cut short; never the event's payload. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() > 1000 ? text.substring(0, 1000) + "…" : text;
    }
}
