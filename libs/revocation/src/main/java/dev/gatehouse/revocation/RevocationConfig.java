package dev.gatehouse.revocation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code gatehouse.revocation.*}: how a resource server follows token-service's revocations. */
@ConfigMapping(prefix = "gatehouse.revocation")
public interface RevocationConfig {

    /**
     * The longest lifetime token-service gives an access token (its client API allows at most one day). On start
     * the feed is read from this far back, plus {@link #clockSkew()}, so a restart forgets no revocation that
     * still matters; the topic's retention must be at least as long (Kafka's default is seven days).
     */
    @WithDefault("24h")
    Duration maxTokenLifetime();

    /** Allowance for clocks of producer and broker that disagree. */
    @WithDefault("5m")
    Duration clockSkew();

    /** How long one wait for new revocations lasts; also how soon the feed notices it should stop. */
    @WithDefault("500ms")
    Duration pollTimeout();

    /** The longest pause between attempts to reach the broker. */
    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * How often the feed asks the broker for the topic's partitions: one added since it started (more partitions
     * for more load) is read from its beginning, so its revocations count as soon as this long after.
     */
    @WithDefault("30s")
    Duration partitionCheckInterval();
}
