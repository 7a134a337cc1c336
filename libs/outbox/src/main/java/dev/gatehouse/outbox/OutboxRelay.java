package dev.gatehouse.outbox;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them published.
 * <p>
 * Replicas of a service share one outbox. Each batch runs in one transaction that first takes a PostgreSQL
 * advisory lock for the schema; a replica that does not get it skips the round. So only one relay publishes at a
 * time (no row is sent twice through a race, and per-aggregate order holds), and a relay that dies releases the
 * lock with its connection (no stall). Rows are marked published only once Kafka acknowledged them, up to the
 * first that failed and may pass later (the rest of the batch is sent again, which consumers' dedupe by
 * {@code eventId} absorbs, and no aggregate gets ahead of itself); a crash in between re-sends them too. A row Kafka
 * refuses for good (larger than it takes) is set aside with the reason ({@code unpublishable}) and logged, so one
 * row can never stop the relay for every tenant.
 */
public final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    public static final String HEADER_EVENT_TYPE = "gatehouse-event-type";
    public static final String HEADER_EVENT_ID = "gatehouse-event-id";

    private static final String LOCK =
            "select pg_try_advisory_xact_lock(hashtext('gatehouse-outbox-relay:' || current_schema()))";
    private static final String FETCH = """
            select id, event_id, topic, kafka_key, event_type, envelope::text
            from outbox_event where published_at is null and unpublishable is null order by id limit ?
            """;
    private static final String SET_ASIDE = "update outbox_event set unpublishable = ? where id = ?";
    private static final String MARK = "update outbox_event set published_at = now() where id = any(?)";
    private static final String DELETE = "delete from outbox_event where id = any(?)";
    private static final String PURGE = "delete from outbox_event where published_at < now() - cast(? as interval)";

    private final DataSource dataSource;
    private final int batchSize;
    private final Duration sendTimeout;
    private final boolean keepPublished;

    public OutboxRelay(DataSource dataSource, int batchSize, Duration sendTimeout) {
        this(dataSource, batchSize, sendTimeout, true);
    }

    /**
     * @param keepPublished mark published rows (kept for inspection until purged) rather than delete them; a
     *                      high-volume outbox deletes them, which costs the database half as much per event
     */
    public OutboxRelay(DataSource dataSource, int batchSize, Duration sendTimeout, boolean keepPublished) {
        this.dataSource = dataSource;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.keepPublished = keepPublished;
    }

    /** A row as the relay reads it. */
    record PendingEvent(long id, String eventId, String topic, String key, String eventType, String envelope) {
    }

    /**
     * Publishes one batch through {@code producer}.
     *
     * @return how many rows were published (0 when there was nothing to do or another replica holds the lock)
     * @throws PublishFailedException when Kafka did not acknowledge the batch; nothing was marked
     */
    public int publishBatch(Producer<String, String> producer, TopicProvisioner topics)
            throws SQLException, PublishFailedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<PendingEvent> batch = fetch(connection);
                if (batch.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                topics.ensure(batch.stream().map(PendingEvent::topic).distinct().toList());
                Outcome outcome = send(producer, batch);
                markPublished(connection, outcome.published());
                setAside(connection, outcome.refused());
                connection.commit();
                if (outcome.failure() != null) {
                    throw outcome.failure();
                }
                return outcome.published().size() + outcome.refused().size();
            } catch (SQLException | PublishFailedException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Deletes rows published longer ago than {@code retention}; returns how many. */
    public int purgePublished(Duration retention) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(PURGE)) {
            st.setString(1, retention.toSeconds() + " seconds");
            return st.executeUpdate();
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(LOCK); ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private List<PendingEvent> fetch(Connection connection) throws SQLException {
        List<PendingEvent> rows = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(FETCH)) {
            st.setInt(1, batchSize);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PendingEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return rows;
    }

    /** What a batch came to: acknowledged rows, rows refused for good (with why), and a failure that may pass. */
    record Outcome(List<PendingEvent> published, Map<PendingEvent, String> refused, PublishFailedException failure) {
    }

    private Outcome send(Producer<String, String> producer, List<PendingEvent> batch) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (PendingEvent row : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.envelope());
            record.headers().add(HEADER_EVENT_TYPE, row.eventType().getBytes(StandardCharsets.UTF_8));
            record.headers().add(HEADER_EVENT_ID, row.eventId().getBytes(StandardCharsets.UTF_8));
            Future<RecordMetadata> ack;
            try {
                ack = producer.send(record);
            } catch (RuntimeException e) {
                ack = CompletableFuture.failedFuture(e);
            }
            acks.add(ack);
            if (failedAtOnce(ack)) {
                // The producer could not take this row (no metadata for its topic in time, say). A later row of
                // the same aggregate must not go out before it, so nothing more is handed over; the rest of the
                // batch is sent again next time, from this row on.
                break;
            }
        }
        List<PendingEvent> published = new ArrayList<>();
        Map<PendingEvent, String> refused = new LinkedHashMap<>();
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (int i = 0; i < acks.size(); i++) {
            PendingEvent row = batch.get(i);
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                published.add(row);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(published, refused, new PublishFailedException("interrupted while publishing", e));
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                if (refusedForGood(cause)) {
                    LOG.errorf("outbox row %d (%s %s, %d characters) set aside: Kafka refuses it for good (%s)",
                            row.id(), row.eventType(), row.eventId(), row.envelope().length(), cause.toString());
                    refused.put(row, cause.toString());
                    continue;
                }
                // Everything from here is sent again: nothing after a gap may count as published.
                return new Outcome(published, refused,
                        new PublishFailedException("Kafka did not acknowledge the batch: " + cause, cause));
            }
        }
        return new Outcome(published, refused, null);
    }

    /** A send the producer answered at once with a failure that may pass (not one that refuses the row for good). */
    private static boolean failedAtOnce(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return false;
        }
        try {
            ack.get();
            return false;
        } catch (ExecutionException e) {
            return !refusedForGood(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Kafka's answers that no retry changes for this record; anything else (broker away, timeouts) may pass. */
    private static boolean refusedForGood(Throwable cause) {
        return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                || cause instanceof InvalidRecordException || cause instanceof SerializationException;
    }

    private void setAside(Connection connection, Map<PendingEvent, String> refused) throws SQLException {
        if (refused.isEmpty()) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement(SET_ASIDE)) {
            for (Map.Entry<PendingEvent, String> e : refused.entrySet()) {
                st.setString(1, e.getValue());
                st.setLong(2, e.getKey().id());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private void markPublished(Connection connection, List<PendingEvent> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Long[] ids = batch.stream().map(PendingEvent::id).toArray(Long[]::new);
        try (PreparedStatement st = connection.prepareStatement(keepPublished ? MARK : DELETE)) {
            Array array = connection.createArrayOf("bigint", ids);
            st.setArray(1, array);
            st.executeUpdate();
        }
    }
}
