package dev.gatehouse.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Kafka producers for the relay: every write acknowledged by all in-sync replicas, idempotent, in order. */
public final class RelayProducers {

    private RelayProducers() {
    }

    public static Producer<String, String> create(Map<String, Object> kafkaConfig, Duration sendTimeout) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        int timeoutMs = (int) sendTimeout.toMillis();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // One request in flight per broker: with more, a retried first batch on a brand-new partition (no leader
        // yet) was seen to land after the batch behind it, despite idempotence (OutboxRelayTest), which breaks an
        // aggregate's order. Batches still carry many records each (linger), so throughput stays.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 5000));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 5000 + 5));
        // Do not hang the relay thread on metadata while the broker is down: fail fast, back off, retry.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeoutMs, 5000));
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "gatehouse-outbox-relay");
        return new KafkaProducer<>(props);
    }
}
