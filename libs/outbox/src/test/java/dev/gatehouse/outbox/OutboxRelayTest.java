package dev.gatehouse.outbox;

import dev.gatehouse.testsupport.KafkaBroker;
import dev.gatehouse.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The relay against a real PostgreSQL outbox and a real Kafka broker. */
class OutboxRelayTest {

    private static final String ROLE = "outbox_test";
    private static PGSimpleDataSource dataSource;
    private static KafkaBroker kafka;

    private final List<RelayWorker> workers = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private String topic;

    @BeforeAll
    static void infrastructure() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        kafka = infra.kafka();
        String password = infra.provisionRole(ROLE);
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(infra.postgres().jdbcUrl());
        dataSource.setUser(ROLE);
        dataSource.setPassword(password);
        try (InputStream in = OutboxRelay.class.getResourceAsStream("/db/gatehouse/R__gatehouse_outbox_and_inbox.sql");
             Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @BeforeEach
    void freshTopicAndEmptyOutbox() throws SQLException {
        topic = "test.relay-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("delete from outbox_event");
        }
    }

    @AfterEach
    void stopWorkersAndConsumer() {
        workers.forEach(w -> w.stop(Duration.ofSeconds(5)));
        if (consumer != null) {
            consumer.close();
        }
    }

    @Test
    void eventsCommittedWhileTheBrokerIsDownArriveAfterItComesBack() throws Exception {
        assumeTrue(kafka.canRestart(), "an external broker (GATEHOUSE_TEST_KAFKA_BOOTSTRAP) cannot be restarted by a test");
        kafka.stopBroker();
        List<String> ids;
        try {
            startWorker();
            ids = insertEvents(4, 5);
            // the relay keeps trying while the broker is away, and marks nothing as published
            Thread.sleep(2_000);
            assertThat(unpublishedCount()).isEqualTo(20);
        } finally {
            kafka.startBroker();
        }
        List<ConsumerRecord<String, String>> received = consume(ids.size(), Duration.ofSeconds(60));
        assertThat(received).extracting(OutboxRelayTest::eventId).containsExactlyInAnyOrderElementsOf(ids);
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublishedCount() == 0);
    }

    @Test
    void twoRelaysOnOneOutboxPublishEachRowOnceAndInOrderPerAggregate() throws Exception {
        List<String> ids = insertEvents(10, 60);
        startWorker();
        startWorker();

        List<ConsumerRecord<String, String>> received = consume(ids.size(), Duration.ofSeconds(60));
        // a little longer: a second copy of any row would arrive now
        received.addAll(consumeMore(Duration.ofSeconds(2)));

        List<String> eventIds = received.stream().map(OutboxRelayTest::eventId).toList();
        if (failures.get() == 0) {
            // nothing had to be sent again: the two relays never sent the same row
            assertThat(eventIds).containsExactlyInAnyOrderElementsOf(ids);
        } else {
            // A batch Kafka did not acknowledge in time is sent again from the first row not acknowledged (the
            // relay is at-least-once; consumers drop copies by eventId): every row is there, copies only of those.
            assertThat(new HashSet<>(eventIds)).isEqualTo(new HashSet<>(ids));
        }
        // in order per aggregate, counting each row where it first arrived
        Map<String, Integer> lastSequencePerAggregate = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, String> r : received) {
            if (!seen.add(eventId(r))) {
                continue;
            }
            int sequence = Integer.parseInt(r.value().replaceAll(".*\"sequence\": ?(\\d+).*", "$1"));
            Integer previous = lastSequencePerAggregate.put(r.key(), sequence);
            assertThat(previous == null ? -1 : previous).as("order of aggregate %s: %s", r.key(),
                    received.stream().filter(x -> x.key().equals(r.key())).map(x -> x.partition() + "@" + x.offset()
                            + "=" + x.value().replaceAll(".*\"sequence\": ?(\\d+).*", "$1")).toList())
                    .isLessThan(sequence);
        }
        assertThat(unpublishedCount()).isZero();
    }

    @Test
    void withoutRetentionPublishedRowsAreDeletedOnlyOnceKafkaHasThem() throws Exception {
        List<String> ids = insertEvents(3, 20);
        Map<String, Object> kafkaConfig = Map.of("bootstrap.servers", kafka.bootstrapServers());
        // One attempt, so it gets the time a cold broker may need to create the topics and elect their leaders
        // on a busy 2-core box; the relay proper retries instead.
        Duration patient = Duration.ofSeconds(30);
        OutboxRelay relay = new OutboxRelay(dataSource, 100, patient, false);
        try (Producer<String, String> producer = RelayProducers.create(kafkaConfig, patient);
             TopicProvisioner topics = new TopicProvisioner(kafkaConfig, 3, (short) 1, patient)) {
            assertThat(relay.publishBatch(producer, topics)).isEqualTo(60);
        }
        assertThat(consume(ids.size(), Duration.ofSeconds(30))).extracting(OutboxRelayTest::eventId)
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(rowCount()).isZero();

        // and a batch Kafka refuses stays, to be sent again
        insertEvents(1, 3);
        Map<String, Object> unreachable = Map.of("bootstrap.servers", "127.0.0.1:1");
        try (Producer<String, String> producer = RelayProducers.create(unreachable, Duration.ofSeconds(1));
             TopicProvisioner topics = new TopicProvisioner(unreachable, 1, (short) 1, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> new OutboxRelay(dataSource, 100, Duration.ofSeconds(2), false)
                    .publishBatch(producer, topics)).isInstanceOf(PublishFailedException.class);
        }
        assertThat(rowCount()).isEqualTo(3);
    }

    @Test
    void aRowKafkaRefusesForGoodIsSetAsideAndTheRowsAroundItArrive() throws Exception {
        List<String> before = insertEvents(2, 2);
        String huge = insertOversized();
        List<String> after = insertEvents(2, 2);
        startWorker();

        List<String> expected = new ArrayList<>(before);
        expected.addAll(after);
        assertThat(consume(expected.size(), Duration.ofSeconds(60))).extracting(OutboxRelayTest::eventId)
                .containsExactlyInAnyOrderElementsOf(expected);
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublishedCount() == 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select unpublishable from outbox_event where event_id = ?::uuid")) {
            st.setString(1, huge);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("RecordTooLargeException");
            }
        }
        // and the relay keeps going for whatever comes next
        List<String> later = insertEvents(1, 2);
        assertThat(consumeMore(Duration.ofSeconds(10))).extracting(OutboxRelayTest::eventId)
                .containsExactlyInAnyOrderElementsOf(later);
    }

    @Test
    void aBatchThatKafkaRejectsIsNotMarkedPublished() throws Exception {
        insertEvents(1, 3);
        OutboxRelay relay = new OutboxRelay(dataSource, 100, Duration.ofSeconds(2));
        Map<String, Object> unreachable = Map.of("bootstrap.servers", "127.0.0.1:1");
        try (Producer<String, String> producer = RelayProducers.create(unreachable, Duration.ofSeconds(1));
             TopicProvisioner topics = new TopicProvisioner(unreachable, 1, (short) 1, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> relay.publishBatch(producer, topics))
                    .isInstanceOf(PublishFailedException.class);
        }
        assertThat(unpublishedCount()).isEqualTo(3);
    }

    private void startWorker() {
        Map<String, Object> kafkaConfig = Map.of("bootstrap.servers", kafka.bootstrapServers());
        Duration timeout = Duration.ofSeconds(3);
        RelayWorker worker = new RelayWorker(new OutboxRelay(dataSource, 25, timeout),
                new TopicProvisioner(kafkaConfig, 3, (short) 1, timeout),
                () -> RelayProducers.create(kafkaConfig, timeout),
                Duration.ofMillis(20), Duration.ofMillis(500), Duration.ofDays(1), new CountingListener());
        worker.start("test-relay-" + workers.size());
        workers.add(worker);
    }

    /** Rows as a service's transaction would have committed them, interleaving aggregates. */
    private List<String> insertEvents(int aggregates, int perAggregate) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int a = 0; a < aggregates; a++) {
            keys.add(UUID.randomUUID().toString());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "insert into outbox_event (event_id, topic, kafka_key, event_type, envelope) "
                        + "values (?::uuid, ?, ?, 'TestEvent', ?::jsonb)")) {
            for (int seq = 0; seq < perAggregate; seq++) {
                for (String key : keys) {
                    String id = UUID.randomUUID().toString();
                    st.setString(1, id);
                    st.setString(2, topic);
                    st.setString(3, key);
                    st.setString(4, "{\"eventId\":\"" + id + "\",\"sequence\":" + seq + "}");
                    st.executeUpdate();
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** A row larger than Kafka takes (its default record limit is 1 MiB), as if written before any size check. */
    private String insertOversized() throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "insert into outbox_event (event_id, topic, kafka_key, event_type, envelope) "
                        + "values (?::uuid, ?, ?, 'TestEvent', ?::jsonb)")) {
            st.setString(1, id);
            st.setString(2, topic);
            st.setString(3, UUID.randomUUID().toString());
            st.setString(4, "{\"eventId\":\"" + id + "\",\"sequence\":0,\"pad\":\"" + "x".repeat(1_200_000) + "\"}");
            st.executeUpdate();
        }
        return id;
    }

    private int rowCount() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from outbox_event")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int unpublishedCount() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from outbox_event where published_at is null")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private KafkaConsumer<String, String> consumer;

    private List<ConsumerRecord<String, String>> consume(int expected, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < expected && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private List<ConsumerRecord<String, String>> consumeMore(Duration duration) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static String eventId(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader(OutboxRelay.HEADER_EVENT_ID).value(), StandardCharsets.UTF_8);
    }

    /** Counts the relays' failed attempts, after which rows may be sent twice. */
    private final class CountingListener implements RelayWorker.Listener {
        @Override
        public void published(int n) {
        }

        @Override
        public void failed(Exception e) {
            failures.incrementAndGet();
        }
    }
}
