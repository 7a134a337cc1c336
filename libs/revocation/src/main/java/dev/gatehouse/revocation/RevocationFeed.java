package dev.gatehouse.revocation;

import dev.gatehouse.feed.FeedThread;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * This service's copy of token-service's revocations: a {@link RevocationReader} started with the service and
 * stopped with it. {@link DeadTokenAugmentor} asks it about every bearer token.
 */
@ApplicationScoped
public class RevocationFeed {

    private final Denylist denylist;
    private final RevocationReader reader;
    private final FeedThread thread;

    public RevocationFeed(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            RevocationConfig config) {
        this.denylist = new Denylist(config.maxTokenLifetime());
        this.reader = new RevocationReader(kafkaConfig, config, denylist, Clock.systemUTC());
        this.thread = new FeedThread(reader, "gatehouse-revocation-feed");
    }

    void onStart(@Observes StartupEvent event) {
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        thread.stop();
    }

    public boolean isDead(String clientId, String subject, String jti, String grantId, Instant issuedAt) {
        return denylist.isDead(clientId, subject, jti, grantId, issuedAt);
    }

    public boolean caughtUp() {
        return reader.caughtUp();
    }

    public int size() {
        return denylist.size();
    }
}
