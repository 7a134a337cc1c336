package dev.gatehouse.token.authentication;

import io.quarkus.scheduler.Scheduled;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each secret's {@code last_used_at} (shown to admins so they can tell a dead secret from a live one) to
 * the minute, off the grant's path: the first use of a secret in a minute starts an update and nobody waits for
 * it. A busy client thus costs one row update a minute, not one per grant; a crash loses at most that minute.
 */
@ApplicationScoped
public class SecretUsage {

    static final Duration GRANULARITY = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(SecretUsage.class);
    private static final String TOUCH = """
            update client_secret set last_used_at = $2
            where id = $1 and (last_used_at is null or last_used_at < $2)
            """;

    private final Pool pool;
    private final Map<UUID, Instant> written = new ConcurrentHashMap<>();

    public SecretUsage(Pool pool) {
        this.pool = pool;
    }

    public void used(UUID secretId, Instant at) {
        Instant last = written.get(secretId);
        if (last != null && last.isAfter(at.minus(GRANULARITY))) {
            return;
        }
        // Only the caller that swaps the timestamp in writes; concurrent grants of the same secret skip.
        boolean mine = last == null ? written.putIfAbsent(secretId, at) == null : written.replace(secretId, last, at);
        if (mine) {
            pool.preparedQuery(TOUCH).execute(Tuple.of(secretId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
                    .onFailure(e -> {
                        written.remove(secretId, at);
                        LOG.debugf("could not record a secret's last use: %s", e.toString());
                    });
        }
    }

    /** Forgets secrets not used for a while, so the map follows the live secrets. */
    @Scheduled(every = "10m", delayed = "10m")
    void forgetIdle() {
        Instant cutoff = Instant.now().minus(GRANULARITY.multipliedBy(10));
        written.values().removeIf(t -> t.isBefore(cutoff));
    }
}
