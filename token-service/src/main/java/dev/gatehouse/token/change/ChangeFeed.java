package dev.gatehouse.token.change;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells this replica's in-memory copies (clients, revocations, signing keys) what changed in the database, from
 * whichever replica changed it: one connection LISTENs on {@value #CHANNEL}, which the V3 migration's triggers
 * NOTIFY when a change commits.
 * <p>
 * A notification can only be trusted while the connection is up, so a copy may serve from memory only while
 * {@link #isLive()}. When the connection drops, and again once it is back and listening, every subscriber is told
 * to {@link Subscriber#resynchronize() resynchronize} (forget what it holds): changes made in between were not
 * heard.
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

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean live;
    private volatile boolean stopped;
    private volatile PgConnection connection;

    public ChangeFeed(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
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
                    c.closeHandler(x -> lost());
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

    private void lost() {
        live = false;
        connection = null;
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

    private void dispatch(String notification) {
        int colon = notification.indexOf(':');
        String kind = colon < 0 ? notification : notification.substring(0, colon);
        String payload = colon < 0 ? "" : notification.substring(colon + 1);
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
