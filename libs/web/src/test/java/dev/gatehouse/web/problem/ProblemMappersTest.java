package dev.gatehouse.web.problem;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client sees when two requests race on one row, or when something unforeseen fails. */
class ProblemMappersTest {

    /** As Hibernate names it; the mapper matches by name so that this library needs no JPA. */
    static final class StaleObjectStateException extends RuntimeException {
        StaleObjectStateException() {
            super("Row was updated or deleted by another transaction");
        }
    }

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aLostOptimisticLockRaceIsAConflictToRetryNotAServerError() {
        Response response = mappers.unexpected(new CompletionException(new StaleObjectStateException()));
        assertThat(response.getStatus()).isEqualTo(409);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.detail()).contains("retry");
        assertThat(problem.type()).endsWith("/conflict");
    }

    @Test
    void anythingElseIsA500WithAReferenceAndNoInternals() {
        Response response = mappers.unexpected(new IllegalStateException("secret internals"));
        assertThat(response.getStatus()).isEqualTo(500);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.detail()).startsWith("Something went wrong on our side; quote reference ")
                .doesNotContain("secret internals");
    }
}
