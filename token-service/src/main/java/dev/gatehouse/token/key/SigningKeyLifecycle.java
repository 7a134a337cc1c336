package dev.gatehouse.token.key;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keys exist before the first request, rotate on schedule, and every replica picks up another replica's rotation
 * within the reload interval.
 */
@ApplicationScoped
public class SigningKeyLifecycle {

    private final SigningKeyService keys;

    public SigningKeyLifecycle(SigningKeyService keys) {
        this.keys = keys;
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
