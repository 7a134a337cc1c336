package dev.gatehouse.outbox;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.MalformedEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How every Gatehouse consumer takes a Kafka record: parse the envelope (a record that is not a Gatehouse event is
 * logged and skipped), ask the handler what the event means to this consumer, and apply that at most once
 * ({@link ProcessedEvents}, in the same transaction as the effect). A failing effect (the database is away) is
 * retried with backoff until it succeeds, so the record's offset is never committed before its effect.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    /** What one event means to a consumer. */
    @FunctionalInterface
    public interface Handler {
        /**
         * The effect of {@code event}, run in a transaction; null if this consumer has nothing to do with it.
         *
         * @throws MalformedEventException if the payload does not match its type (the event is skipped)
         */
        Supplier<Uni<Void>> effectOf(EventEnvelope event);
    }

    private final ProcessedEvents processed;

    public IdempotentConsumer(ProcessedEvents processed) {
        this.processed = processed;
    }

    public Uni<Void> consume(String consumer, ConsumerRecord<String, String> record, Handler handler) {
        EventEnvelope envelope = parse(record);
        if (envelope == null) {
            return Uni.createFrom().voidItem();
        }
        Supplier<Uni<Void>> effect;
        try {
            effect = handler.effectOf(envelope);
        } catch (MalformedEventException | IllegalArgumentException e) {
            LOG.warnf("%s skips %s %s: its payload does not match its type", consumer, envelope.eventType(),
                    envelope.eventId());
            return Uni.createFrom().voidItem();
        }
        if (effect == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> processed.processOnce(consumer, envelope, effect))
                .onFailure().invoke(e -> LOG.warnf("%s could not apply %s %s yet, retrying: %s", consumer,
                        envelope.eventType(), envelope.eventId(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .replaceWithVoid();
    }

    private static EventEnvelope parse(ConsumerRecord<String, String> record) {
        try {
            return EventJson.parse(record.value());
        } catch (MalformedEventException | IllegalArgumentException | NullPointerException e) {
            LOG.warnf("skipping a record that is not a Gatehouse event: %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
            return null;
        }
    }
}
