package dev.gatehouse.revocation;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenRevoked;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.KafkaBroker;
import dev.gatehouse.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The feed against the real (in-process) broker: catch-up at start, live revocations, a broker that is down. */
class RevocationReaderTest {

    private static final Duration LIFETIME = Duration.ofHours(24);
    private final KafkaBroker kafka = TestInfrastructure.get().kafka();
    private final List<Running> started = new ArrayList<>();

    @AfterEach
    void stopReaders() throws InterruptedException {
        for (Running r : started) {
            r.reader.stop();
            r.thread.join(10_000);
        }
    }

    @Test
    void aRestartedReaderKnowsEveryRevocationStillInForceBeforeItIsCaughtUp() {
        String clientId = "sa_" + UUID.randomUUID();
        String jti = UUID.randomUUID().toString();
        Instant cutoff = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        publish(TokenRevoked.one("sa_other", jti, "revoked_by_client", null, Instant.now().plus(Duration.ofHours(1))));
        publish(TokenRevoked.allBefore(clientId, cutoff, "client_disabled", UUID.randomUUID()));

        // A fresh reader, as after a restart: nothing in memory, everything read again from a lifetime back.
        Running fresh = start();
        await().atMost(30, TimeUnit.SECONDS).until(fresh.reader::caughtUp);

        assertThat(fresh.denylist.isDead("sa_other", jti, Instant.now())).isTrue();
        assertThat(fresh.denylist.isDead(clientId, "any", cutoff.minusSeconds(1))).as("issued before").isTrue();
        assertThat(fresh.denylist.isDead(clientId, "any", cutoff)).as("issued at the cutoff").isFalse();
        assertThat(fresh.denylist.isDead("sa_unrelated", "any", cutoff.minusSeconds(60))).isFalse();
    }

    @Test
    void aRevocationPublishedWhileRunningIsRefusedWithinAMomentAndABadRecordDoesNotStopIt() {
        Running running = start();
        await().atMost(30, TimeUnit.SECONDS).until(running.reader::caughtUp);
        String jti = UUID.randomUUID().toString();

        sendRaw("not an event at all");
        publish(TokenRevoked.one("sa_x", jti, "revoked_by_client", null, Instant.now().plusSeconds(600)));

        await().atMost(5, TimeUnit.SECONDS).until(() -> running.denylist.isDead("sa_x", jti, Instant.now()));
    }

    @Test
    void aReaderStartedWhileTheBrokerIsDownIsNotCaughtUpUntilItHasReadTheFeed() throws Exception {
        if (!kafka.canRestart()) {
            return; // an external broker cannot be stopped from here
        }
        String jti = UUID.randomUUID().toString();
        publish(TokenRevoked.one("sa_y", jti, "revoked_by_client", null, Instant.now().plusSeconds(600)));
        kafka.stopBroker();
        Running reader;
        try {
            reader = start();
            Thread.sleep(3_000);
            assertThat(reader.reader.caughtUp()).as("caught up with no broker").isFalse();
            assertThat(reader.denylist.isDead("sa_y", jti, Instant.now())).isFalse();
        } finally {
            kafka.startBroker();
        }
        await().atMost(60, TimeUnit.SECONDS).until(reader.reader::caughtUp);
        assertThat(reader.denylist.isDead("sa_y", jti, Instant.now())).isTrue();
    }

    @Test
    void aPartitionAddedToTheTopicWhileRunningIsReadToo() throws Exception {
        Running running = start();
        await().atMost(30, TimeUnit.SECONDS).until(running.reader::caughtUp);
        int added;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            int now = admin.describeTopics(List.of(Topics.TOKEN_REVOCATION)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.TOKEN_REVOCATION).partitions().size();
            admin.createPartitions(Map.of(Topics.TOKEN_REVOCATION, NewPartitions.increaseTo(now + 1))).all()
                    .get(30, TimeUnit.SECONDS);
            added = now;
        }
        String jti = UUID.randomUUID().toString();
        TokenRevoked revoked = TokenRevoked.one("sa_z", jti, "revoked_by_client", null, Instant.now().plusSeconds(600));
        sendTo(added, EventJson.serialize(EventEnvelope.of(TokenEvents.TOKEN_REVOKED, "token-service", null,
                Actor.system("token-service"), "sa_z", revoked)));

        await().atMost(15, TimeUnit.SECONDS).until(() -> running.denylist.isDead("sa_z", jti, Instant.now()));
    }

    private Running start() {
        Denylist denylist = new Denylist(LIFETIME);
        RevocationReader reader = new RevocationReader(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new TestConfig(), denylist, Clock.systemUTC());
        Thread thread = new Thread(reader, "test-revocation-feed");
        thread.setDaemon(true);
        thread.start();
        Running running = new Running(reader, denylist, thread);
        started.add(running);
        return running;
    }

    private void publish(TokenRevoked revoked) {
        EventSender.send(kafka.bootstrapServers(), Topics.TOKEN_REVOCATION, EventEnvelope.of(
                TokenEvents.TOKEN_REVOKED, "token-service", revoked.companyId(), Actor.system("token-service"),
                revoked.clientId(), revoked));
    }

    private void sendRaw(String value) {
        sendTo(null, value);
    }

    /** {@code value} to {@code partition} of the feed's topic, or to the one its key picks when null. */
    private void sendTo(Integer partition, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.TOKEN_REVOCATION, partition, "sa_x", value))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Running(RevocationReader reader, Denylist denylist, Thread thread) {
    }

    private static final class TestConfig implements RevocationConfig {
        public Duration maxTokenLifetime() {
            return LIFETIME;
        }

        public Duration clockSkew() {
            return Duration.ofMinutes(5);
        }

        public Duration pollTimeout() {
            return Duration.ofMillis(200);
        }

        public Duration maxBackoff() {
            return Duration.ofSeconds(1);
        }

        public Duration partitionCheckInterval() {
            return Duration.ofSeconds(1);
        }
    }
}
