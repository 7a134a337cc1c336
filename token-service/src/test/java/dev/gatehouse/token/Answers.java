package dev.gatehouse.token;

import io.restassured.response.Response;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Asking token-service again until its answer shows that an event from the broker has been applied. */
public final class Answers {

    private Answers() {
    }

    /** The first answer of {@code call} that {@code done} accepts within {@code within}; else an error naming it. */
    public static Response awaitBody(Supplier<Response> call, Predicate<Response> done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Response last = call.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + within + "; last answer " + last.statusCode() + " "
                        + last.asString());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = call.get();
        }
        return last;
    }
}
