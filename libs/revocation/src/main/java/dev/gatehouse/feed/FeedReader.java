package dev.gatehouse.feed;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads topics into memory, on a thread of its own, for a resource server that must judge every request from
 * it (revocations, people's roles). Every replica reads every partition (assigned, no consumer group), because each
 * replica must know everything. At start it seeks where {@link #seekToStart} says and reads up to the end offsets
 * it found then: until that is done it is not {@link #caughtUp()}, and the service does not claim ready, so neither
 * a restart nor a broker that was down at the time makes a replica act on less than it should know. A record it
 * cannot read is logged and skipped; it never stops the feed.
 */
public abstract class FeedReader implements Runnable {

    private static final Logger LOG = Logger.getLogger(FeedReader.class);

    /** How the feed polls and retries. */
    public record Timing(Duration pollTimeout, Duration maxBackoff, Duration partitionCheckInterval) {
    }

    private final List<String> topics;
    private final String name;
    private final Map<String, Object> kafkaConfig;
    private final Timing timing;
    protected final Clock clock;
    private final AtomicReference<KafkaConsumer<String, String>> current = new AtomicReference<>();
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private Instant lastPartitionCheck = Instant.EPOCH;

    protected FeedReader(List<String> topics, Map<String, Object> kafkaConfig, Timing timing, Clock clock) {
        this.topics = List.copyOf(topics);
        this.name = String.join("+", topics);
        this.kafkaConfig = kafkaConfig;
        this.timing = timing;
        this.clock = clock;
    }

    /** Positions the consumer in each assigned partition before the first poll. */
    protected abstract void seekToStart(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions);

    /** Takes one event of the topic. */
    protected abstract void apply(EventEnvelope event);

    /** Called after every poll, for upkeep such as forgetting what has expired. */
    protected void afterPoll() {
    }

    /** What the log says once the feed has caught up. */
    protected abstract String caughtUpSummary();

    /** Whether every record published before this reader started has been read. */
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
                LOG.debugf("%s feed: %s; retrying in %s", name, e.toString(), backoff);
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), timing.maxBackoff());
            } finally {
                current.set(null);
            }
        }
    }

    private void follow(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = partitions(consumer);
        consumer.assign(partitions);
        seekToStart(consumer, partitions);
        lastPartitionCheck = clock.instant();
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timing.maxBackoff());
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(timing.pollTimeout())) {
                read(record);
            }
            if (!caughtUp && reached(consumer, end)) {
                caughtUp = true;
                LOG.infof("%s feed caught up: %s", name, caughtUpSummary());
            }
            afterPoll();
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
        if (Duration.between(lastPartitionCheck, now).compareTo(timing.partitionCheckInterval()) < 0) {
            return assigned;
        }
        lastPartitionCheck = now;
        // listTopics asks the broker; partitionsFor would answer from metadata cached for minutes
        Map<String, List<PartitionInfo>> listed = consumer.listTopics(timing.maxBackoff());
        List<TopicPartition> latest = topics.stream().flatMap(t -> listed.getOrDefault(t, List.of()).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        List<TopicPartition> added = latest.stream().filter(p -> !assigned.contains(p)).toList();
        if (added.isEmpty()) {
            return assigned;
        }
        consumer.assign(latest);
        consumer.seekToBeginning(added);
        LOG.infof("%s feed: reading %d partition(s) added: %s", name, added.size(), added);
        return latest;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timing.maxBackoff());
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions yet");
            }
            infos.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
        }
        return all;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void read(ConsumerRecord<String, String> record) {
        try {
            apply(EventJson.parse(record.value()));
        } catch (RuntimeException e) {
            LOG.warnf("%s feed: skipped unreadable record %s-%d@%d (%s)", name, record.topic(),
                    record.partition(), record.offset(), e.getClass().getSimpleName());
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
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, kafkaConfig.getOrDefault(ConsumerConfig.CLIENT_ID_CONFIG,
                "gatehouse") + "-" + name + "-feed");
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
