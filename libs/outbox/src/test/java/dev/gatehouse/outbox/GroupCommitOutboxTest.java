package dev.gatehouse.outbox;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenIssued;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Group commit against a real PostgreSQL outbox. */
class GroupCommitOutboxTest {

    private static final String ROLE = "group_commit_test";
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void infrastructure() throws Exception {
        vertx = Vertx.vertx();
        pool = OutboxSchema.pool(vertx, ROLE);
    }

    @AfterAll
    static void close() throws Exception {
        pool.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void emptyOutbox() throws Exception {
        sql("delete from outbox_event");
    }

    @Test
    void concurrentAppendsShareTransactionsAndEachCompletesOnlyOnceItsRowIsCommitted() throws Exception {
        GroupCommitOutbox outbox = new GroupCommitOutbox(pool, 100, 2);
        int n = 2_000;
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(issued("client-" + (i % 7)));
        }
        List<CompletableFuture<Boolean>> visibleAtCompletion = new ArrayList<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        vertx.runOnContext(x -> {
            for (EventEnvelope e : events) {
                // Read back through another connection as soon as the caller is told it is done.
                visibleAtCompletion.add(outbox.append(e).chain(() -> Uni.createFrom().completionStage(
                                pool.preparedQuery("select 1 from outbox_event where event_id = $1")
                                        .execute(Tuple.of(e.eventId())).map(rows -> rows.size() == 1)
                                        .toCompletionStage()))
                        .subscribeAsCompletionStage());
            }
            started.complete(null);
        });
        started.get(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(visibleAtCompletion.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(visibleAtCompletion).allSatisfy(f -> assertThat(f.join()).isTrue());
        assertThat(count("select count(*) from outbox_event")).isEqualTo(n);
        assertThat(count("select count(distinct event_id) from outbox_event")).isEqualTo(n);
        assertThat(count("select count(*) from outbox_event where topic = 'token.token.v1' "
                + "and envelope->>'eventType' = 'TokenIssued' and published_at is null")).isEqualTo(n);
        // Each transaction stamps its rows with its own xmin: far fewer transactions than events, none over 100.
        assertThat(count("select count(distinct xmin::text) from outbox_event")).isLessThan(n / 4);
        assertThat(count("select coalesce(max(c), 0) from (select count(*) c from outbox_event group by xmin::text) t"))
                .isLessThanOrEqualTo(100);
    }

    @Test
    void aBatchTheDatabaseRefusesFailsItsCallersAndLaterAppendsStillCommit() throws Exception {
        GroupCommitOutbox outbox = new GroupCommitOutbox(pool, 100, 1);
        EventEnvelope first = issued("client-a");
        outbox.append(first).await().atMost(Duration.ofSeconds(10));

        // The same event id again violates the outbox's unique key: the caller hears of it.
        assertThatThrownBy(() -> outbox.append(first).await().atMost(Duration.ofSeconds(10)))
                .hasMessageContaining("outbox_event_event_id_key");

        outbox.append(issued("client-b")).await().atMost(Duration.ofSeconds(10));
        assertThat(count("select count(*) from outbox_event")).isEqualTo(2);
    }

    @Test
    void anUnregisteredEventTypeIsRefusedBeforeAnythingIsWritten() throws Exception {
        GroupCommitOutbox outbox = new GroupCommitOutbox(pool, 100, 1);
        EventEnvelope issued = issued("client-a");
        EventEnvelope unknown = new EventEnvelope(UUID.randomUUID(), "NoSuchEvent", 1, Instant.now(), "test", null,
                issued.actor(), issued.aggregateType(), issued.aggregateId(), issued.payload());

        assertThatThrownBy(() -> outbox.append(unknown).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NoSuchEvent");
        assertThat(count("select count(*) from outbox_event")).isZero();
    }

    private static EventEnvelope issued(String clientId) {
        return EventEnvelope.of(TokenEvents.TOKEN_ISSUED, "test", null, new Actor(Actor.CLIENT, clientId), clientId,
                new TokenIssued(clientId, clientId, null, List.of("read"), UUID.randomUUID().toString(),
                        Instant.now().plusSeconds(60), "client_credentials", null, null,
                        TokenIssued.KIND_SERVICE_ACCOUNT));
    }

    private static void sql(String statement) throws Exception {
        pool.query(statement).execute().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static long count(String query) throws Exception {
        return pool.query(query).execute().map(rows -> rows.iterator().next().getLong(0))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
