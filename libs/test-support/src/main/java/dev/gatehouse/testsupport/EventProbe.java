package dev.gatehouse.testsupport;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads Gatehouse events off real Kafka topics from the beginning, as a consumer group of its own, so a test can
 * see exactly what a service published.
 */
public final class EventProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private EventProbe(String bootstrapServers, Collection<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "event-probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.copyOf(topics));
    }

    public static EventProbe on(String bootstrapServers, String... topics) {
        return new EventProbe(bootstrapServers, List.of(topics));
    }

    /** Polls until {@code count} matching events have been seen (or the timeout passes) and returns them. */
    public List<EventEnvelope> await(Predicate<EventEnvelope> matching, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<EventEnvelope> found = matching(matching);
        while (found.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            found = matching(matching);
        }
        return found;
    }

    /** Every record seen so far, raw. */
    public List<ConsumerRecord<String, String>> records() {
        return List.copyOf(seen);
    }

    private List<EventEnvelope> matching(Predicate<EventEnvelope> matching) {
        return seen.stream().map(r -> EventJson.parse(r.value())).filter(matching).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(1));
    }
}
