package dev.gatehouse.token.change;

import dev.gatehouse.token.TokenConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells this replica's in-memory copies (clients, revocations, signing keys) what changed in the database, from
 * whichever replica changed it: one connection LISTENs on {@value #CHANNEL}, which the V3 migration's triggers
 * NOTIFY when a change commits.
 * <p>
 * A notification can only be trusted while the connection is up, so a copy may serve from memory only while
 * {@link #isLive()}. When the connection drops, and again once it is back and listening, every subscriber is told
 * to {@link Subscriber#resynchronize() resynchronize} (forget what it holds): changes made in between were not
 * heard.
 * <p>
 * A connection can also die silently (a network fault leaves the socket open, or the server stops delivering),
 * and then nothing would tell this replica that it hears nothing. So every {@code heartbeat-interval} the feed
 * sends a heartbeat notification of its own through another connection, and expects to hear it on the listening
 * connection within {@code heartbeat-timeout}. If it does not, the feed counts as lost: copies resynchronize and
 * are served from the database, and the connection is made anew.
 */
@ApplicationScoped
public class ChangeFeed {

    public static final String CHANNEL = "gatehouse_token_changes";
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    /** Something holding a copy. Called on the feed's event loop: return quickly. */
    public interface Subscriber {
        /** {@code payload} is the notification without its kind, e.g. the client id of {@code client:<id>}. */
        void changed(String kind, String payload);

        /** Forget everything: changes may have been missed. */
        void resynchronize();
    }

    private static final String HEARTBEAT = "heartbeat";
    private static final String SEND_HEARTBEAT = "select pg_notify('" + CHANNEL + "', $1)";

    private final Vertx vertx;
    private final Pool pool;
    private final PgConnectOptions options;
    private final Duration heartbeatInterval;
    private final Duration heartbeatTimeout;
    /** Tells this replica's heartbeats from the other replicas' on the shared channel. */
    private final String replica = UUID.randomUUID().toString();
    private final AtomicLong heartbeats = new AtomicLong();
    /** The heartbeat sent and not heard yet, and when it was sent (0: none outstanding). */
    private volatile long awaited;
    private volatile long awaitedSince;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean live;
    private volatile boolean stopped;
    private volatile PgConnection connection;

    public ChangeFeed(Vertx vertx, Pool pool, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password, TokenConfig config) {
        this.vertx = vertx;
        this.pool = pool;
        this.heartbeatInterval = config.changeFeed().heartbeatInterval();
        this.heartbeatTimeout = config.changeFeed().heartbeatTimeout();
        this.options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user);
        password.ifPresent(options::setPassword);
    }

    public void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    /** Whether changes are being heard right now; copies must not be served from memory otherwise. */
    public boolean isLive() {
        return live;
    }

    void onStart(@Observes StartupEvent event) {
        connect();
        vertx.setPeriodic(heartbeatInterval.toMillis(), id -> heartbeat());
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        live = false;
        PgConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        PgConnection.connect(vertx, options)
                .compose(c -> {
                    connection = c;
                    c.notificationHandler(n -> dispatch(n.getPayload()));
                    // Only the current connection's end counts: one given up on (deaf) was handled already.
                    c.closeHandler(x -> {
                        if (connection == c) {
                            lost();
                        }
                    });
                    return c.query("LISTEN " + CHANNEL).execute().map(c);
                })
                .onSuccess(c -> {
                    // Anything loaded before LISTEN took effect may be stale: start over, then trust.
                    subscribers.forEach(Subscriber::resynchronize);
                    live = true;
                    LOG.debug("listening for token-service changes");
                })
                .onFailure(e -> {
                    LOG.warnf("Cannot listen for changes (%s); serving from the database until it works", e.toString());
                    PgConnection c = connection;
                    if (c != null) {
                        c.close();
                    } else {
                        retryLater();
                    }
                });
    }

    /** Checks that the last heartbeat was heard in time, then sends the next one. */
    private void heartbeat() {
        PgConnection listening = connection;
        if (stopped || listening == null) {
            return;
        }
        long outstanding = awaited;
        if (outstanding != 0) {
            if (System.nanoTime() - awaitedSince < heartbeatTimeout.toNanos()) {
                return;
            }
            LOG.warnf("Did not hear this replica's own heartbeat within %s: the change-notification connection is "
                    + "deaf; serving from the database and connecting anew", heartbeatTimeout);
            awaited = 0;
            if (connection == listening) {
                lost();
                listening.close();
            }
            return;
        }
        long n = heartbeats.incrementAndGet();
        awaited = n;
        awaitedSince = System.nanoTime();
        pool.preparedQuery(SEND_HEARTBEAT).execute(Tuple.of(HEARTBEAT + ":" + replica + ":" + n))
                .onFailure(e -> LOG.debugf("could not send a heartbeat (%s)", e.toString()));
    }

    private void heard(String payload) {
        if (payload.equals(replica + ":" + awaited)) {
            awaited = 0;
        }
    }

    private void lost() {
        live = false;
        connection = null;
        awaited = 0;
        if (stopped) {
            return;
        }
        subscribers.forEach(Subscriber::resynchronize);
        LOG.warn("Lost the change-notification connection; serving from the database until it is back");
        retryLater();
    }

    private void retryLater() {
        vertx.setTimer(RETRY.toMillis(), id -> connect());
    }

    /** Tests only: the listening connection stops hearing anything while it stays open, as a silent fault would. */
    io.vertx.core.Future<Void> deafen() {
        PgConnection c = connection;
        return c == null ? io.vertx.core.Future.succeededFuture()
                : c.query("UNLISTEN *").execute().mapEmpty();
    }

    private void dispatch(String notification) {
        int colon = notification.indexOf(':');
        String kind = colon < 0 ? notification : notification.substring(0, colon);
        String payload = colon < 0 ? "" : notification.substring(colon + 1);
        if (HEARTBEAT.equals(kind)) {
            heard(payload);
            return;
        }
        for (Subscriber s : subscribers) {
            try {
                s.changed(kind, payload);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Applying change %s failed; resynchronizing", kind);
                s.resynchronize();
            }
        }
    }
}
