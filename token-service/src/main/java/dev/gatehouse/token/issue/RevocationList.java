package dev.gatehouse.token.issue;

import dev.gatehouse.token.change.ChangeFeed;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The individually revoked tokens (RFC 7009) that have not expired yet, in memory, so introspection reads nothing
 * from the database. Loaded whole whenever the {@link ChangeFeed} (re)starts listening, then kept current by its
 * {@code revoked:<exp>:<jti>} announcements and by this replica's own revocations. Until a load has completed
 * under a live feed, each check asks the database instead.
 */
@ApplicationScoped
public class RevocationList implements ChangeFeed.Subscriber {

    private static final Logger LOG = Logger.getLogger(RevocationList.class);
    private static final String LOAD = "select jti, expires_at from revoked_token where expires_at > now()";
    private static final String CHECK = "select 1 from revoked_token where jti = $1";
    private static final Duration RELOAD_RETRY = Duration.ofSeconds(1);

    private final Pool pool;
    private final Vertx vertx;
    private final ChangeFeed feed;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean complete;

    public RevocationList(Pool pool, Vertx vertx, ChangeFeed feed) {
        this.pool = pool;
        this.vertx = vertx;
        this.feed = feed;
        feed.subscribe(this);
        reload();
    }

    public Uni<Boolean> isRevoked(String jti) {
        if (complete && feed.isLive()) {
            return Uni.createFrom().item(revoked.containsKey(jti));
        }
        return Uni.createFrom().completionStage(() -> pool.preparedQuery(CHECK).execute(Tuple.of(jti))
                .map(rows -> rows.size() > 0).toCompletionStage());
    }

    /** This replica's own revocation, once committed; other replicas hear of it through the feed. */
    public void add(String jti, Instant expiresAt) {
        revoked.put(jti, expiresAt);
    }

    @Override
    public void changed(String kind, String payload) {
        if ("revoked".equals(kind)) {
            int colon = payload.indexOf(':');
            revoked.put(payload.substring(colon + 1), Instant.ofEpochSecond(Long.parseLong(payload.substring(0, colon))));
        }
    }

    @Override
    public void resynchronize() {
        complete = false;
        generation.incrementAndGet();
        revoked.clear();
        reload();
    }

    private void reload() {
        long seen = generation.get();
        pool.query(LOAD).execute().onSuccess(rows -> {
            for (Row row : rows) {
                revoked.putIfAbsent(row.getString(0), row.getOffsetDateTime(1).toInstant());
            }
            // A resynchronization during the load started another one; only the latest may declare completeness.
            if (generation.get() == seen) {
                complete = true;
            }
        }).onFailure(e -> {
            LOG.debugf("could not load revoked tokens (%s); retrying", e.toString());
            if (generation.get() == seen) {
                vertx.setTimer(RELOAD_RETRY.toMillis(), id -> {
                    if (generation.get() == seen) {
                        reload();
                    }
                });
            }
        });
    }

    /** How many revoked tokens this replica holds in memory. */
    public int size() {
        return revoked.size();
    }

    @Scheduled(every = "1m", delayed = "1m")
    void forgetExpired() {
        Instant now = Instant.now();
        revoked.values().removeIf(expiry -> expiry.isBefore(now));
    }
}
