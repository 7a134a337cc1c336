package dev.gatehouse.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code gatehouse.outbox.*}: how the relay runs. */
@ConfigMapping(prefix = "gatehouse.outbox")
public interface OutboxConfig {

    /** Run the relay in this process. */
    @WithDefault("true")
    boolean enabled();

    /** How long the relay sleeps when the outbox is empty. */
    @WithDefault("100ms")
    Duration pollInterval();

    /** Rows per Kafka round trip. */
    @WithDefault("200")
    int batchSize();

    /** How long a batch may wait for Kafka's acknowledgement before it counts as failed. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** The longest pause between attempts while Kafka is down. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How long published rows are kept (for inspection) before they are deleted; 0: deleted once published. */
    @WithDefault("7d")
    Duration retention();

    /**
     * The largest event, in bytes of JSON, that may be written: below Kafka's default record limit (1 MiB,
     * {@code max.request.size} and the broker's {@code message.max.bytes}) with room for key and headers. A change
     * whose event would be larger is refused when it is written, so nothing is committed that Kafka would refuse.
     */
    @WithDefault("900000")
    int maxEventBytes();

    /**
     * Whether the services create missing topics themselves (locally, and with a broker that lets them) or leave
     * them to whoever manages the broker (Strimzi's KafkaTopic resources on Kubernetes: {@code false} there).
     */
    @WithDefault("true")
    boolean createTopics();

    /** Partitions for topics the relay creates. */
    @WithDefault("3")
    int topicPartitions();

    /** Replication factor for topics the relay creates (1 for a single-node broker). */
    @WithDefault("1")
    short topicReplicationFactor();

    /** {@code gatehouse.outbox.direct.*}: how {@link DirectPublisher} publishes. */
    Direct direct();

    interface Direct {
        /** Publish events given to {@link DirectPublisher} straight to Kafka; false: always through the outbox. */
        @WithDefault("false")
        boolean enabled();

        /** How long an event waits for Kafka's acknowledgement before it goes to the outbox instead. */
        @WithDefault("2s")
        Duration ackTimeout();

        /** After Kafka failed to acknowledge, how long events go to the outbox before Kafka is tried again. */
        @WithDefault("5s")
        Duration retryAfter();
    }

    /** {@code gatehouse.outbox.group-commit.*}: how {@link GroupCommitOutbox} batches. */
    GroupCommit groupCommit();

    interface GroupCommit {
        /** The most events one insert (one transaction) carries. */
        @WithDefault("500")
        int maxBatch();

        /** Batches written at once; more arrive while they commit and go in the next. */
        @WithDefault("2")
        int maxInFlight();
    }
}
