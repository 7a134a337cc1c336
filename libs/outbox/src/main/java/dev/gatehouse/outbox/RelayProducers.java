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

    /**
     * A producer for {@link DirectPublisher}: acknowledged by all in-sync replicas, idempotent, and failing a record
     * once {@code ackTimeout} has passed (its caller then writes it to the outbox). Several requests in flight and
     * a short linger: the events need no order between them, and a caller waits for each acknowledgement.
     */
    public static Producer<String, String> createDirect(Map<String, Object> kafkaConfig, Duration ackTimeout) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        int linger = 1;
        int timeoutMs = Math.max((int) ackTimeout.toMillis(), linger + 100);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, linger);
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs - linger);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        // send() runs on an event loop. It waits only when the partition's leader is unknown (the broker went away)
        // or the buffer is full: briefly, then the record fails, the breaker opens and events go to the outbox.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 100);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "gatehouse-direct-publisher");
        return new KafkaProducer<>(props);
    }
}
