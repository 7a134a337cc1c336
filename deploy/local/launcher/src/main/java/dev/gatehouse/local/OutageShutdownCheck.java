package dev.gatehouse.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static dev.gatehouse.local.StackCheck.env;
import static dev.gatehouse.local.StackCheck.pass;

/**
 * The broker dies, and token-service neither stops issuing nor hangs on its way down. Under run.sh: Kafka is killed
 * (SIGKILL, as a crash would), token-service still issues {@link #TOKENS} tokens, then it is stopped gracefully
 * (SIGTERM) and must be gone within {@link #STOP_BOUND}, with every {@code TokenIssued} it accepted still in its
 * outbox, waiting for the broker. Runs last in the smoke test: it leaves the stack without Kafka and token-service.
 */
final class OutageShutdownCheck {

    static final Duration STOP_BOUND = Duration.ofSeconds(20);
    private static final int TOKENS = 50;

    private final Path keys = Path.of(env("GATEHOUSE_KEYS_DIR", ".gatehouse/keys"));
    private final Path run = Path.of(env("GATEHOUSE_RUN_DIR", ".gatehouse/run"));
    private final String jdbcUrl = env("GATEHOUSE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

    private OutageShutdownCheck() {
    }

    static int run() {
        return StackCheck.verdict("OUTAGE SHUTDOWN CHECK", () -> new OutageShutdownCheck().check());
    }

    private void check() throws Exception {
        if (!Files.isDirectory(run)) {
            System.out.println("  (no run folder at " + run + ": the outage check needs run.sh; skipped)");
            return;
        }
        AdminClient admin = AdminClient.from(keys);
        long waitingBefore = unpublishedTokenEvents();
        Duration killed = stop("kafka", "KILL");
        pass("Kafka killed (" + killed.toMillis() + " ms)");
        for (int i = 0; i < TOKENS; i++) {
            admin.token(); // throws unless 200
        }
        pass("token-service issued " + TOKENS + " tokens with the broker down");
        Duration stopped = stop("token-service", "TERM");
        if (stopped.compareTo(STOP_BOUND) > 0) {
            throw new IllegalStateException("token-service took " + stopped.toMillis() + " ms to stop gracefully "
                    + "with the broker down; the bound is " + STOP_BOUND.toSeconds() + " s");
        }
        pass("token-service stopped gracefully in " + stopped.toMillis() + " ms with the broker down (bound: "
                + STOP_BOUND.toSeconds() + " s)");
        long waiting = unpublishedTokenEvents() - waitingBefore;
        if (waiting < TOKENS) {
            throw new IllegalStateException("only " + waiting + " of the " + TOKENS + " TokenIssued events accepted "
                    + "during the outage are in token-service's outbox");
        }
        pass("all " + TOKENS + " TokenIssued events of the outage wait in token-service's outbox (" + waiting
                + " unpublished rows)");
    }

    /** Asks run.sh to stop {@code name} with {@code signal}; answers how long the process took to exit. */
    private Duration stop(String name, String signal) throws Exception {
        Path request = run.resolve(name + ".stop");
        Path done = run.resolve(name + ".stopped");
        Files.deleteIfExists(done);
        Files.writeString(request, signal);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.exists(done) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (!Files.exists(done)) {
            throw new IllegalStateException("run.sh did not stop " + name + " within 90 s");
        }
        Thread.sleep(50); // the file is written in one go, but may be seen before its content is
        return Duration.ofMillis(Long.parseLong(Files.readString(done).strip()));
    }

    /** Loopback is trusted in the local stack (see PostgresCommand), so the admin role needs no password. */
    private long unpublishedTokenEvents() throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from token.outbox_event where published_at is null "
                        + "and event_type = 'TokenIssued'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
