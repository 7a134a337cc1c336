package dev.gatehouse.outbox;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.MalformedEventException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How every Gatehouse consumer takes a Kafka record: parse the envelope (a record that is not a Gatehouse event is
 * logged and skipped), ask the handler what the event means to this consumer, and apply that at most once
 * ({@link ProcessedEvents}, in the same transaction as the effect), so the record's offset is never committed
 * before its effect.
 * <p>
 * A failure that may pass (the database is away) is retried with backoff for as long as it takes. A failure that
 * will not ({@link ConsumerFailures}) is retried {@code gatehouse.consumer.max-attempts} times, then the event is
 * <em>parked</em> ({@link ParkedEvent}) and the consumer moves on: one event that cannot be applied does not stop
 * the ones behind it. Later events of the same aggregate (Kafka key) are parked behind it, so no aggregate is
 * applied out of order; an operator replays or discards them ({@link ParkedEventService}).
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
    private final ParkedEventRepository parked;
    private final ConsumerRetryConfig config;
    private final Clock clock = Clock.systemUTC();
    /** Each (consumer, topic)'s handler, so a parked event can be replayed through the code that failed on it. */
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    public IdempotentConsumer(ProcessedEvents processed, ParkedEventRepository parked, ConsumerRetryConfig config) {
        this.processed = processed;
        this.parked = parked;
        this.config = config;
    }

    /**
     * Declares what {@code topic}'s events mean to {@code consumer}; consumers call it once, when they are made,
     * so that parked events can be replayed through the same handler even before another record arrives.
     */
    public void register(String consumer, String topic, Handler handler) {
        handlers.put(key(consumer, topic), handler);
    }

    /** Takes one record of a topic whose handler {@code consumer} registered. */
    public Uni<Void> consume(String consumer, ConsumerRecord<String, String> record) {
        Handler handler = handlers.get(key(consumer, record.topic()));
        if (handler == null) {
            throw new IllegalStateException(consumer + " registered no handler for " + record.topic());
        }
        EventEnvelope envelope = parse(record);
        if (envelope == null) {
            return Uni.createFrom().voidItem();
        }
        Supplier<Uni<Void>> effect = effectOf(consumer, envelope, handler);
        if (effect == null) {
            return Uni.createFrom().voidItem();
        }
        return retryingWhileTransient(() -> Panache.withSession(() -> parked.openHead(consumer, record.key())))
                .chain(head -> head != null
                        ? park(consumer, record, envelope, "waits behind parked event " + head.id, 0, head.id)
                        : apply(consumer, record, envelope, effect));
    }

    /** The handler {@code consumer} registered for {@code topic}, if this service runs that consumer. */
    Optional<Handler> handler(String consumer, String topic) {
        return Optional.ofNullable(handlers.get(key(consumer, topic)));
    }

    private Uni<Void> apply(String consumer, ConsumerRecord<String, String> record, EventEnvelope envelope,
            Supplier<Uni<Void>> effect) {
        AtomicInteger attempts = new AtomicInteger();
        return Uni.createFrom().deferred(() -> {
                    attempts.incrementAndGet();
                    return processed.processOnce(consumer, envelope, effect);
                })
                .onFailure().invoke(e -> LOG.warnf("%s could not apply %s %s (attempt %d): %s", consumer,
                        envelope.eventType(), envelope.eventId(), attempts.get(), ConsumerFailures.describe(e)))
                .onFailure(e -> !ConsumerFailures.isPermanent(e) || attempts.get() < config.maxAttempts())
                .retry().withBackOff(config.initialBackoff(), config.maxBackoff()).indefinitely()
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> park(consumer, record, envelope, ConsumerFailures.describe(e),
                        attempts.get(), null));
    }

    /** Parks the event (once: a redelivered one is already there) and lets the consumer go on. */
    private Uni<Void> park(String consumer, ConsumerRecord<String, String> record, EventEnvelope envelope,
            String error, int attempts, UUID behind) {
        LOG.errorf("%s parked %s %s (%s-%d@%d): %s; later events of aggregate %s wait behind it until an operator "
                        + "replays or discards it (/admin/parked-events)", consumer, envelope.eventType(),
                envelope.eventId(), record.topic(), record.partition(), record.offset(), error, record.key());
        return retryingWhileTransient(() -> Panache.withTransaction(() -> parked
                .find("consumer = ?1 and eventId = ?2", consumer, envelope.eventId()).firstResult()
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    ParkedEvent p = new ParkedEvent();
                    p.id = UUID.randomUUID();
                    p.consumer = consumer;
                    p.eventId = envelope.eventId();
                    p.topic = record.topic();
                    p.partition = record.partition();
                    p.offset = record.offset();
                    p.aggregateKey = record.key();
                    p.eventType = envelope.eventType();
                    p.envelope = record.value();
                    p.error = error;
                    p.attempts = attempts;
                    p.behind = behind;
                    p.parkedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
                    return parked.persist(p).replaceWithVoid();
                })));
    }

    private <T> Uni<T> retryingWhileTransient(Supplier<Uni<T>> work) {
        return Uni.createFrom().<T>deferred(work::get)
                .onFailure().invoke(e -> LOG.warnf("consumer bookkeeping failed, retrying: %s",
                        ConsumerFailures.describe(e)))
                .onFailure().retry().withBackOff(config.initialBackoff(), config.maxBackoff()).indefinitely();
    }

    private static Supplier<Uni<Void>> effectOf(String consumer, EventEnvelope envelope, Handler handler) {
        try {
            return handler.effectOf(envelope);
        } catch (MalformedEventException | IllegalArgumentException e) {
            LOG.warnf("%s skips %s %s: its payload does not match its type", consumer, envelope.eventType(),
                    envelope.eventId());
            return null;
        }
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

    private static String key(String consumer, String topic) {
        return consumer + "\n" + topic;
    }
}
