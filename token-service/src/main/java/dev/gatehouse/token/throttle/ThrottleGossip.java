package dev.gatehouse.token.throttle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.token.change.ChangeFeed;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Shares the throttles' counts between token-service replicas, over the PostgreSQL notifications {@link ChangeFeed}
 * already listens to: what this replica saw is gathered for {@value #FLUSH_MILLIS} ms and sent as one
 * {@code throttle:} notification (a JSON batch, under PostgreSQL's 8000-byte payload limit), which every other
 * replica applies to its own buckets. Failures are rare next to successes, and a success is sent only when it makes
 * an address newly known, so this costs nothing on the path of a good request.
 * <p>
 * What is lost while the notification connection is down (a replica missing others' failures for a moment) only
 * lends an attacker a little budget, never locks anyone out; nothing is resent.
 */
@ApplicationScoped
public class ThrottleGossip implements ChangeFeed.Subscriber {

    /** What a throttle saw: a failure, or a success that made an address known. */
    static final String FAILED = "f";
    static final String SUCCEEDED = "s";
    private static final String KIND = "throttle";
    private static final long FLUSH_MILLIS = 100;
    /** Below PostgreSQL's 8000-byte notification payload, with room for the kind and the replica's id. */
    private static final int MAX_PAYLOAD = 7000;
    private static final String NOTIFY = "select pg_notify('" + ChangeFeed.CHANNEL + "', $1)";
    private static final Logger LOG = Logger.getLogger(ThrottleGossip.class);

    /** One thing a replica saw: which throttle, failed or succeeded, for whom, from where. */
    record News(String throttle, String what, String subject, String address) {
    }

    record Batch(String replica, List<News> news) {
    }

    private final Vertx vertx;
    private final Pool pool;
    private final ObjectMapper json;
    private final String replica = UUID.randomUUID().toString();
    private final Map<String, SharedThrottle> throttles = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<News> outgoing = new ConcurrentLinkedQueue<>();

    public ThrottleGossip(Vertx vertx, Pool pool, ObjectMapper json, ChangeFeed feed) {
        this.vertx = vertx;
        this.pool = pool;
        this.json = json;
        feed.subscribe(this);
    }

    /** A throttle named {@code name} (the same name on every replica) whose counts all replicas share. */
    public SharedThrottle create(String name, int addressFailures, int subjectFailures, Duration window) {
        SharedThrottle throttle = new SharedThrottle(name, new FailureThrottle(addressFailures, subjectFailures,
                window), this);
        if (throttles.putIfAbsent(name, throttle) != null) {
            throw new IllegalStateException("two throttles named " + name);
        }
        return throttle;
    }

    void onStart(@Observes StartupEvent event) {
        vertx.setPeriodic(FLUSH_MILLIS, id -> flush());
    }

    void tell(String throttle, String what, String subject, String address) {
        outgoing.add(new News(throttle, what, subject, address));
    }

    /** Sends what was gathered since the last flush, in as few notifications as fit. */
    void flush() {
        List<News> batch = new ArrayList<>();
        for (News news = outgoing.poll(); news != null; news = outgoing.poll()) {
            batch.add(news);
        }
        for (String payload : payloads(json, replica, batch)) {
            pool.preparedQuery(NOTIFY).execute(Tuple.of(KIND + ":" + payload))
                    .onFailure(e -> LOG.debugf("could not share throttle counts (%s)", e.toString()));
        }
    }

    /** {@code news} as JSON payloads, each under {@link #MAX_PAYLOAD} bytes (one oversized entry is dropped). */
    static List<String> payloads(ObjectMapper json, String replica, List<News> news) {
        List<String> payloads = new ArrayList<>();
        if (news.isEmpty()) {
            return payloads;
        }
        String payload;
        try {
            payload = json.writeValueAsString(new Batch(replica, news));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD) {
            payloads.add(payload);
        } else if (news.size() > 1) {
            payloads.addAll(payloads(json, replica, news.subList(0, news.size() / 2)));
            payloads.addAll(payloads(json, replica, news.subList(news.size() / 2, news.size())));
        }
        return payloads;
    }

    @Override
    public void changed(String kind, String payload) {
        if (!KIND.equals(kind)) {
            return;
        }
        JsonNode batch = read(payload);
        if (batch == null || replica.equals(batch.path("replica").asText())) {
            return;
        }
        for (JsonNode news : batch.path("news")) {
            SharedThrottle throttle = throttles.get(news.path("throttle").asText());
            if (throttle != null) {
                throttle.heard(news.path("what").asText(), news.path("subject").asText(),
                        news.path("address").asText());
            }
        }
    }

    @Override
    public void resynchronize() {
        // Nothing to forget: the buckets hold counts, not copies of rows.
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            LOG.debug("ignored an unreadable throttle notification");
            return null;
        }
    }
}
