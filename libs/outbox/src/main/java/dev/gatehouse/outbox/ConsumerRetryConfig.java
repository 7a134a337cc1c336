package dev.gatehouse.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code gatehouse.consumer.*}: how {@link IdempotentConsumer} retries before it parks an event. */
@ConfigMapping(prefix = "gatehouse.consumer")
public interface ConsumerRetryConfig {

    /** Attempts at an event whose failure is permanent before it is parked. */
    @WithDefault("5")
    int maxAttempts();

    /** The first pause between attempts; it doubles up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("10s")
    Duration maxBackoff();
}
