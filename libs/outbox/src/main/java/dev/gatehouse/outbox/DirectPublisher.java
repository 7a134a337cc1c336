package dev.gatehouse.outbox;

import dev.gatehouse.events.EventCatalog;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Publishes an event straight to Kafka and completes once Kafka acknowledged it (all in-sync replicas); if Kafka
 * does not acknowledge it within {@code gatehouse.outbox.direct.ack-timeout}, the event goes to the outbox instead
 * ({@link GroupCommitOutbox}) and the caller completes once that row committed. Either way nothing is answered
 * before its event is durable, as with the outbox alone; but while Kafka answers, an event costs the database
 * nothing (no insert, no relay read, no delete), which is most of what a token costs (docs/benchmarks.md).
 * <p>
 * A circuit breaker keeps callers from waiting out the timeout one by one while Kafka is away: the first failure
 * sends every later event to the outbox at once, and a prober thread tries Kafka again every
 * {@code gatehouse.outbox.direct.retry-after} (a fresh producer and a metadata request per topic) before direct
 * publishing resumes. A topic is published to directly only once the prober has fetched its metadata, so
 * {@code send} never waits for metadata on the caller's event loop; until then its events go to the outbox too. It
 * does not create topics: {@link TopicBootstrap} creates every known one at start-up, with the configured
 * partitions, before anything is published.
 * <p>
 * Only for events that are each their own aggregate and need no order between them (a token was issued): an event
 * published directly may overtake one still waiting in the outbox. A copy published both ways (Kafka acknowledged
 * after the timeout) is dropped by consumers' dedupe by {@code eventId}, as for the relay.
 */
@ApplicationScoped
public class DirectPublisher {

    private static final Logger LOG = Logger.getLogger(DirectPublisher.class);
    private static final int METADATA_ATTEMPTS = 30;

    private final GroupCommitOutbox outbox;
    private final boolean enabled;
    private final Duration retryAfter;
    private final Supplier<Producer<String, String>> producers;
    private final Counter direct;
    private final Counter fallbacks;
    /** Topics whose events may go straight to Kafka: they exist and the current producer has their metadata. */
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    /** Topics events were published to; the prober readies them. */
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService prober;
    /** Null while the breaker is open (Kafka did not answer, or not probed yet). */
    private volatile Producer<String, String> producer;
    private boolean probeScheduled;

    @Inject
    public DirectPublisher(GroupCommitOutbox outbox, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        this(outbox, config.direct().enabled(), config.direct().retryAfter(),
                () -> RelayProducers.createDirect(kafkaConfig, config.direct().ackTimeout()), registry);
    }

    public DirectPublisher(GroupCommitOutbox outbox, boolean enabled, Duration retryAfter,
            Supplier<Producer<String, String>> producers, MeterRegistry registry) {
        this.outbox = outbox;
        this.enabled = enabled;
        this.retryAfter = retryAfter;
        this.producers = producers;
        this.direct = Counter.builder("gatehouse.outbox.direct.published")
                .description("Events published straight to Kafka, without an outbox row").register(registry);
        this.fallbacks = Counter.builder("gatehouse.outbox.direct.fallbacks")
                .description("Events sent to the outbox because Kafka did not acknowledge them in time")
                .register(registry);
        this.prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "direct-publish-prober");
            t.setDaemon(true);
            return t;
        });
    }

    /** Completes when {@code event} is durable: acknowledged by Kafka, or else committed to the outbox. */
    public Uni<Void> publish(EventEnvelope event) {
        if (!enabled) {
            return outbox.append(event);
        }
        // Decided at subscription, not before: a breaker that opened in between sends this one to the outbox.
        return Uni.createFrom().deferred(() -> {
            Producer<String, String> current = producer;
            String topic = EventCatalog.byName(event.eventType())
                    .orElseThrow(() -> new IllegalArgumentException("unregistered event type " + event.eventType()))
                    .topic();
            if (current == null || !ready.contains(topic)) {
                if (wanted.add(topic)) {
                    scheduleProbe(Duration.ZERO);
                }
                return outbox.append(event);
            }
            return send(current, topic, event).onFailure().recoverWithUni(failure -> {
                trip(current, failure);
                fallbacks.increment();
                return outbox.append(event);
            });
        });
    }

    private Uni<Void> send(Producer<String, String> to, String topic, EventEnvelope event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.aggregateId(),
                EventJson.serialize(event));
        record.headers().add(OutboxRelay.HEADER_EVENT_TYPE, event.eventType().getBytes(StandardCharsets.UTF_8));
        record.headers().add(OutboxRelay.HEADER_EVENT_ID,
                event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        return Uni.createFrom().emitter(emitter -> {
            Context context = Vertx.currentContext();
            to.send(record, (metadata, failure) -> resume(context, () -> {
                if (failure == null) {
                    direct.increment();
                    emitter.complete(null);
                } else {
                    emitter.fail(failure);
                }
            }));
        });
    }

    /** Kafka's callback runs on the producer's I/O thread; the caller continues on its own Vert.x context. */
    private static void resume(Context context, Runnable continuation) {
        if (context == null) {
            continuation.run();
        } else {
            context.runOnContext(x -> continuation.run());
        }
    }

    /** Opens the breaker (once per producer): later events go to the outbox until a probe succeeds. */
    private void trip(Producer<String, String> failed, Throwable failure) {
        synchronized (this) {
            if (producer != failed) {
                return;
            }
            producer = null;
            ready.clear();
        }
        LOG.warnf("Kafka did not acknowledge an event in time (%s); events go to the outbox until it answers again",
                failure.toString());
        prober.execute(() -> close(failed, Duration.ZERO));
        scheduleProbe(retryAfter);
    }

    private synchronized void scheduleProbe(Duration delay) {
        if (probeScheduled || prober.isShutdown()) {
            return;
        }
        probeScheduled = true;
        prober.schedule(this::probe, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** On the prober thread: readies every wanted topic on the current producer, or a fresh one. */
    private void probe() {
        synchronized (this) {
            probeScheduled = false;
        }
        Producer<String, String> candidate = producer;
        boolean fresh = candidate == null;
        Set<String> readied = new HashSet<>();
        try {
            if (fresh) {
                candidate = producers.get();
            }
            for (String topic : wanted) {
                if (fresh || !ready.contains(topic)) {
                    awaitMetadata(candidate, topic);
                    readied.add(topic);
                }
            }
        } catch (Exception e) {
            LOG.debugf("Kafka is not answering yet: %s", e.toString());
            if (fresh && candidate != null) {
                close(candidate, Duration.ZERO);
            }
            scheduleProbe(retryAfter);
            return;
        }
        synchronized (this) {
            if (prober.isShutdown()) {
                if (fresh) {
                    close(candidate, Duration.ZERO);
                }
                return;
            }
            ready.addAll(readied);
            if (fresh) {
                producer = candidate;
                LOG.infof("Kafka answers; events of %s are published to it directly", readied);
            }
        }
    }

    /**
     * Fetches {@code topic}'s metadata now, so that {@code send} never waits for it. Each attempt waits at most the
     * producer's {@code max.block.ms} (kept short for the event loop's sake); the fetch goes on in the background,
     * so a slower broker is given up to {@link #METADATA_ATTEMPTS} of them.
     */
    private static void awaitMetadata(Producer<String, String> producer, String topic) {
        for (int attempt = 1; ; attempt++) {
            try {
                producer.partitionsFor(topic);
                return;
            } catch (TimeoutException e) {
                if (attempt == METADATA_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    // IF_EXISTS: a service that never published directly has nothing to close (and no reason to create one now).
    void onStop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        Producer<String, String> last;
        synchronized (this) {
            prober.shutdownNow();
            last = producer;
            producer = null;
        }
        if (last != null) {
            // Waits for what is in flight: each of those callers then completes (or falls back to the outbox).
            close(last, Duration.ofSeconds(5));
        }
    }

    private static void close(Producer<String, String> p, Duration wait) {
        try {
            p.close(wait);
        } catch (RuntimeException ignored) {
            // a producer that cannot close cleanly is discarded all the same
        }
    }
}
