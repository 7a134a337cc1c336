package dev.gatehouse.outbox;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenIssued;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.KafkaBroker;
import dev.gatehouse.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Direct publishing with the outbox as fallback, against a real Kafka broker and a real PostgreSQL outbox. */
class DirectPublisherTest {

    private static final String ROLE = "direct_publish_test";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration RETRY_AFTER = Duration.ofMillis(300);
    private static KafkaBroker kafka;
    private static Vertx vertx;
    private static Pool pool;

    private SimpleMeterRegistry registry;
    private DirectPublisher publisher;

    @BeforeAll
    static void infrastructure() throws Exception {
        kafka = TestInfrastructure.get().kafka();
        vertx = Vertx.vertx();
        pool = OutboxSchema.pool(vertx, ROLE);
    }

    @AfterAll
    static void close() throws Exception {
        done(pool.close());
        done(vertx.close());
    }

    @BeforeEach
    void publisher() throws Exception {
        done(pool.query("delete from outbox_event").execute());
        registry = new SimpleMeterRegistry();
        Map<String, Object> kafkaConfig = Map.of("bootstrap.servers", kafka.bootstrapServers());
        // In a service TopicBootstrap has created every known topic at start-up.
        try (TopicProvisioner topics = new TopicProvisioner(kafkaConfig, 1, (short) 1, Duration.ofSeconds(10))) {
            topics.ensure(List.of(Topics.TOKEN_TOKEN));
        }
        publisher = new DirectPublisher(new GroupCommitOutbox(pool, 100, 2), true, RETRY_AFTER,
                () -> RelayProducers.createDirect(kafkaConfig, ACK_TIMEOUT), registry);
    }

    @AfterEach
    void stop() {
        publisher.onStop(new ShutdownEvent());
    }

    @Test
    void whileKafkaAnswersEventsReachItWithoutAnOutboxRow() throws Exception {
        awaitDirect();
        List<EventEnvelope> events = events(50);
        try (EventProbe probe = EventProbe.on(kafka.bootstrapServers(), Topics.TOKEN_TOKEN)) {
            publishAll(events);
            // each publish completed only after Kafka acknowledged it: nothing went to the outbox
            assertThat(inOutbox(events)).isZero();
            assertThat(registry.counter("gatehouse.outbox.direct.published").count()).isGreaterThanOrEqualTo(50);
            List<String> ids = events.stream().map(e -> e.eventId().toString()).toList();
            assertThat(probe.await(e -> ids.contains(e.eventId().toString()), ids.size(), Duration.ofSeconds(30)))
                    .extracting(e -> e.eventId().toString()).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void whenKafkaStopsAnsweringEveryEventIsInTheOutboxAndDirectPublishingResumesWhenItIsBack() throws Exception {
        assumeTrue(kafka.canRestart(), "an external broker (GATEHOUSE_TEST_KAFKA_BOOTSTRAP) cannot be restarted");
        awaitDirect();
        List<EventEnvelope> duringOutage = events(20);
        kafka.stopBroker();
        try {
            long started = System.nanoTime();
            publishAll(duringOutage);
            // the first waits out the acknowledgement timeout; the breaker sends the rest to the outbox at once
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ACK_TIMEOUT.multipliedBy(5));
            assertThat(inOutbox(duringOutage)).isEqualTo(duringOutage.size());
            assertThat(registry.counter("gatehouse.outbox.direct.fallbacks").count()).isPositive();
        } finally {
            kafka.startBroker();
        }
        awaitDirect();
        List<EventEnvelope> after = events(10);
        publishAll(after);
        assertThat(inOutbox(after)).isZero();
    }

    /** Publishes probe events until one goes straight to Kafka (the prober has readied the topic). */
    private void awaitDirect() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            double before = registry.counter("gatehouse.outbox.direct.published").count();
            publishAll(events(1));
            return registry.counter("gatehouse.outbox.direct.published").count() > before;
        });
    }

    /** Publishes concurrently from a Vert.x context, as request handlers do, and waits for every one. */
    private void publishAll(List<EventEnvelope> events) throws Exception {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        vertx.runOnContext(x -> Uni.join().all(events.stream().map(publisher::publish).toList()).andFailFast()
                .subscribe().with(ok -> finished.complete(null), finished::completeExceptionally));
        finished.get(60, TimeUnit.SECONDS);
    }

    private static long inOutbox(List<EventEnvelope> events) throws Exception {
        UUID[] ids = events.stream().map(EventEnvelope::eventId).toArray(UUID[]::new);
        return done(pool.preparedQuery("select count(*) from outbox_event where event_id = any($1)")
                .execute(Tuple.of(ids)).map(rows -> rows.iterator().next().getLong(0)));
    }

    private static List<EventEnvelope> events(int n) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String clientId = "client-" + UUID.randomUUID();
            events.add(EventEnvelope.of(TokenEvents.TOKEN_ISSUED, "test", null, new Actor(Actor.CLIENT, clientId),
                    clientId, new TokenIssued(clientId, clientId, null, List.of("read"), UUID.randomUUID().toString(),
                            Instant.now().plusSeconds(60), "client_credentials", null, null,
                            TokenIssued.KIND_SERVICE_ACCOUNT)));
        }
        return events;
    }

    private static <T> T done(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
