package dev.gatehouse.outbox;

import dev.gatehouse.events.EventCatalog;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.EventType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Appends events that are not part of any other state change (a token was issued: the event is the whole
 * record) and commits many of them in one transaction. A caller's {@link Uni} completes only once its row has
 * committed, so nothing is answered before its event is durable, exactly as with {@link OutboxWriter}; but
 * hundreds of concurrent callers share one multi-row insert and one WAL flush instead of paying one each.
 * <p>
 * While a batch is being written, newcomers queue; at most {@code maxInFlight} batches are written at once. The
 * relay publishes these rows like any other.
 */
@ApplicationScoped
public class GroupCommitOutbox {

    // text[] for the envelopes, cast per row: a jsonb[] parameter would be bound as JSON strings, not parsed.
    private static final String INSERT = """
            insert into outbox_event (event_id, topic, kafka_key, event_type, envelope)
            select id, topic, k, type, env::jsonb
            from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) as t(id, topic, k, type, env)
            """;

    /** An event ready to insert, already serialized by its caller (a bad event fails only its own caller). */
    private record Row(UUID eventId, String topic, String key, String type, String envelope) {
    }

    private record Pending(Row row, Context context, Consumer<Throwable> callback) {
    }

    private final Pool pool;
    private final int maxBatch;
    private final int maxInFlight;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int inFlight;

    @Inject
    public GroupCommitOutbox(Pool pool, OutboxConfig config) {
        this(pool, config.groupCommit().maxBatch(), config.groupCommit().maxInFlight());
    }

    public GroupCommitOutbox(Pool pool, int maxBatch, int maxInFlight) {
        this.pool = pool;
        this.maxBatch = maxBatch;
        this.maxInFlight = maxInFlight;
    }

    /** Completes when {@code event} has committed to the outbox; fails if its batch could not be written. */
    public Uni<Void> append(EventEnvelope event) {
        return Uni.createFrom().<Row>item(() -> new Row(event.eventId(), requireRegistered(event).topic(),
                        event.aggregateId(), event.eventType(), EventJson.serialize(event)))
                .chain(row -> Uni.createFrom().emitter(emitter -> enqueue(new Pending(row, Vertx.currentContext(),
                        failure -> {
                            if (failure == null) {
                                emitter.complete(null);
                            } else {
                                emitter.fail(failure);
                            }
                        }))));
    }

    /**
     * Appends {@code event} on the caller's connection, inside the caller's transaction, for an event that must
     * commit with a change made in that same transaction (a refresh token's rotation and the token it issued).
     */
    public Future<Void> appendOn(SqlClient sql, EventEnvelope event) {
        return appendAllOn(sql, List.of(event));
    }

    /** As {@link #appendOn}, for many events in one statement (a batch of refresh rotations and their tokens). */
    public Future<Void> appendAllOn(SqlClient sql, List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Row> rows = events.stream().map(e -> new Row(e.eventId(), requireRegistered(e).topic(), e.aggregateId(),
                e.eventType(), EventJson.serialize(e))).toList();
        return sql.preparedQuery(INSERT).execute(columns(rows)).mapEmpty();
    }

    private void enqueue(Pending pending) {
        List<Pending> batch;
        synchronized (queue) {
            queue.add(pending);
            if (inFlight >= maxInFlight) {
                return;
            }
            batch = takeBatch();
        }
        write(batch);
    }

    /** Call holding the queue lock. */
    private List<Pending> takeBatch() {
        List<Pending> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
        while (!queue.isEmpty() && batch.size() < maxBatch) {
            batch.add(queue.poll());
        }
        inFlight++;
        return batch;
    }

    private void write(List<Pending> batch) {
        insert(batch).onComplete(result -> {
            Throwable failure = result.failed() ? result.cause() : null;
            batch.forEach(p -> complete(p, failure));
            List<Pending> next = null;
            synchronized (queue) {
                inFlight--;
                if (!queue.isEmpty()) {
                    next = takeBatch();
                }
            }
            if (next != null) {
                write(next);
            }
        });
    }

    private Future<Void> insert(List<Pending> batch) {
        // One statement is one transaction: every row of the batch commits, or none does.
        return pool.preparedQuery(INSERT).execute(columns(batch.stream().map(Pending::row).toList())).mapEmpty();
    }

    /** The rows as the insert's five array parameters. */
    private static Tuple columns(List<Row> rows) {
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] envelopes = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            ids[i] = row.eventId();
            topics[i] = row.topic();
            keys[i] = row.key();
            types[i] = row.type();
            envelopes[i] = row.envelope();
        }
        return Tuple.of(ids, topics, keys, types, envelopes);
    }

    /** Resumes each caller on its own Vert.x context, as if it had run the insert itself. */
    private static void complete(Pending pending, Throwable failure) {
        if (pending.context() == null) {
            pending.callback().accept(failure);
        } else {
            pending.context().runOnContext(x -> pending.callback().accept(failure));
        }
    }

    private static EventType<?> requireRegistered(EventEnvelope envelope) {
        return EventCatalog.byName(envelope.eventType())
                .orElseThrow(() -> new IllegalArgumentException("unregistered event type " + envelope.eventType()));
    }
}
