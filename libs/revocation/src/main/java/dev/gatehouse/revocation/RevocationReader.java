package dev.gatehouse.revocation;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.token.TokenEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads {@code token.revocation.v1} into a {@link Denylist}, on a thread of its own. Every replica reads every
 * partition (assigned, no consumer group), because each replica must refuse every revoked token. At start it seeks
 * to a token lifetime back and reads up to the end offsets it found then: until that is done it is not
 * {@link #caughtUp()}, and the service does not claim ready, so neither a restart nor a broker that was down at
 * the time makes a replica forget a revocation that still matters. An event it cannot read is logged and skipped;
 * it never stops the feed.
 */
public final class RevocationReader implements Runnable {

    private static final Logger LOG = Logger.getLogger(RevocationReader.class);

    private final Map<String, Object> kafkaConfig;
    private final RevocationConfig config;
    private final Denylist denylist;
    private final Clock clock;
    private final AtomicReference<KafkaConsumer<String, String>> current = new AtomicReference<>();
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile Instant lastForget = Instant.EPOCH;
    private Instant lastPartitionCheck = Instant.EPOCH;

    public RevocationReader(Map<String, Object> kafkaConfig, RevocationConfig config, Denylist denylist,
            Clock clock) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.denylist = denylist;
        this.clock = clock;
    }

    /** Whether every revocation published before this reader started has been read. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Asks the thread to end; it does within one poll. */
    public void stop() {
        running = false;
        KafkaConsumer<String, String> consumer = current.get();
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    @Override
    public void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
                current.set(consumer);
                if (!running) {
                    return;
                }
                follow(consumer);
            } catch (WakeupException e) {
                return;
            } catch (KafkaException | IllegalStateException e) {
                // Broker unreachable or metadata not there yet: what is known stays known; try again.
                LOG.debugf("revocation feed: %s; retrying in %s", e.toString(), backoff);
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), config.maxBackoff());
            } finally {
                current.set(null);
            }
        }
    }

    private void follow(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = partitions(consumer);
        consumer.assign(partitions);
        seekToLookback(consumer, partitions);
        lastPartitionCheck = clock.instant();
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, config.maxBackoff());
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(config.pollTimeout())) {
                apply(record);
            }
            if (!caughtUp && reached(consumer, end)) {
                caughtUp = true;
                LOG.infof("revocation feed caught up: %d revocations in force", denylist.size());
            }
            forgetExpiredNowAndThen();
            partitions = withPartitionsAddedSince(consumer, partitions);
        }
    }

    /**
     * Assigned partitions are fixed, so one added to the topic later would never be read: now and then, ask for the
     * topic's partitions and read any new one from its beginning (it holds nothing older than itself). Positions in
     * the partitions already read are kept.
     */
    private List<TopicPartition> withPartitionsAddedSince(KafkaConsumer<String, String> consumer,
            List<TopicPartition> assigned) {
        Instant now = clock.instant();
        if (Duration.between(lastPartitionCheck, now).compareTo(config.partitionCheckInterval()) < 0) {
            return assigned;
        }
        lastPartitionCheck = now;
        // listTopics asks the broker; partitionsFor would answer from metadata cached for minutes
        List<PartitionInfo> infos = consumer.listTopics(config.maxBackoff()).get(Topics.TOKEN_REVOCATION);
        if (infos == null || infos.isEmpty()) {
            return assigned;
        }
        List<TopicPartition> current = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        List<TopicPartition> added = current.stream().filter(p -> !assigned.contains(p)).toList();
        if (added.isEmpty()) {
            return assigned;
        }
        consumer.assign(current);
        consumer.seekToBeginning(added);
        LOG.infof("revocation feed: reading %d partition(s) added to %s: %s", added.size(),
                Topics.TOKEN_REVOCATION, added);
        return current;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.TOKEN_REVOCATION, config.maxBackoff());
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + Topics.TOKEN_REVOCATION + " has no partitions yet");
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private void seekToLookback(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        long from = clock.instant().minus(config.maxTokenLifetime()).minus(config.clockSkew()).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, from));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, config.maxBackoff());
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp at = found.get(p);
            if (at != null) {
                consumer.seek(p, at.offset());
            } else {
                // Nothing that recent in this partition: only what comes from now on matters.
                consumer.seekToEnd(List.of(p));
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(ConsumerRecord<String, String> record) {
        try {
            EventEnvelope event = EventJson.parse(record.value());
            if (TokenEvents.TOKEN_REVOKED.name().equals(event.eventType())) {
                denylist.apply(event.payloadAs(TokenEvents.TOKEN_REVOKED), event.occurredAt());
            }
        } catch (RuntimeException e) {
            LOG.warnf("revocation feed: skipped unreadable record %s-%d@%d (%s)", record.topic(),
                    record.partition(), record.offset(), e.getClass().getSimpleName());
        }
    }

    private void forgetExpiredNowAndThen() {
        Instant now = clock.instant();
        if (Duration.between(lastForget, now).toSeconds() >= 60) {
            denylist.forgetExpired(now);
            lastForget = now;
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        // Assigned partitions, no group: nothing to commit, every replica reads everything.
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "gatehouse-revocation-feed");
        return props;
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
