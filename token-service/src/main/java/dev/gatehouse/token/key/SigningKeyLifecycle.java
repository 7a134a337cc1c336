package dev.gatehouse.token.key;

import dev.gatehouse.token.change.ChangeFeed;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Keys exist before the first request and rotate on schedule. Every replica reloads them as soon as the change
 * feed announces a change to the keys, and in any case every reload interval (in case an announcement was missed).
 */
@ApplicationScoped
public class SigningKeyLifecycle implements ChangeFeed.Subscriber {

    private static final Logger LOG = Logger.getLogger(SigningKeyLifecycle.class);

    private final SigningKeyService keys;
    private final Vertx vertx;

    public SigningKeyLifecycle(SigningKeyService keys, Vertx vertx, ChangeFeed feed) {
        this.keys = keys;
        this.vertx = vertx;
        feed.subscribe(this);
    }

    @Override
    public void changed(String kind, String payload) {
        if ("keys".equals(kind)) {
            reloadSoon();
        }
    }

    @Override
    public void resynchronize() {
        reloadSoon();
    }

    /** Reloads on a fresh duplicated context: the feed calls from its connection's event loop. */
    private void reloadSoon() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(x -> keys.reload().subscribe().with(ok -> { },
                e -> LOG.warnf("Reloading signing keys failed (%s); the scheduled reload retries", e.toString())));
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        // Two replicas starting together may race to create the first keys; the loser reloads the winner's.
        VertxContextSupport.subscribeAndAwait(() -> keys.ensureActiveKeys()
                .onFailure().recoverWithUni(e -> keys.ensureActiveKeys())
                .chain(keys::reload));
    }

    @Scheduled(every = "${gatehouse.token.key-reload-interval:30s}", delayed = "30s")
    Uni<Void> reload() {
        return keys.reload();
    }

    @Scheduled(every = "${gatehouse.token.key-rotation-check:1h}", delayed = "1m")
    Uni<Void> rotateDue() {
        return keys.rotateDueKeys().chain(keys::reload);
    }
}
