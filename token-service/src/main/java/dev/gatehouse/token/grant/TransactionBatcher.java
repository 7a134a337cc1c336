package dev.gatehouse.token.grant;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Requests that arrive together share one transaction (a group commit): while a batch is being written, newcomers
 * queue; at most {@code maxInFlight} batches run at once, each of at most {@code maxBatch} requests. Each caller is
 * answered on its own Vert.x context once the transaction has committed. Two requests with the same key (the same
 * code or refresh token) never share a batch: the later ones get {@code alone} after it, as in sequence; so does
 * every request of a batch whose transaction failed.
 *
 * @param <T> a request
 * @param <R> its result
 */
final class TransactionBatcher<T, R> {

    /** The work of one batch: fills in a result for each request it settled, in the given transaction. */
    interface Work<T, R> {
        Future<Void> run(SqlConnection connection, List<T> batch, Map<T, R> results);
    }

    private record Pending<T, R>(T request, Context context, Consumer<R> callback) {
    }

    private final Pool pool;
    private final int maxBatch;
    private final int maxInFlight;
    private final Work<T, R> work;
    private final Function<T, Object> key;
    private final R alone;
    private final ArrayDeque<Pending<T, R>> queue = new ArrayDeque<>();
    private int inFlight;

    TransactionBatcher(Pool pool, int maxBatch, int maxInFlight, Work<T, R> work, Function<T, Object> key, R alone) {
        this.pool = pool;
        this.maxBatch = maxBatch;
        this.maxInFlight = maxInFlight;
        this.work = work;
        this.key = key;
        this.alone = alone;
    }

    Uni<R> submit(T request) {
        return Uni.createFrom().emitter(emitter -> enqueue(new Pending<>(request, Vertx.currentContext(),
                emitter::complete)));
    }

    private void enqueue(Pending<T, R> pending) {
        List<Pending<T, R>> batch;
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
    private List<Pending<T, R>> takeBatch() {
        List<Pending<T, R>> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
        while (!queue.isEmpty() && batch.size() < maxBatch) {
            batch.add(queue.poll());
        }
        inFlight++;
        return batch;
    }

    private void write(List<Pending<T, R>> batch) {
        Set<Object> keys = new HashSet<>();
        List<T> unique = new ArrayList<>();
        for (Pending<T, R> p : batch) {
            if (keys.add(key.apply(p.request()))) {
                unique.add(p.request());
            }
        }
        // By identity: two requests may be equal records (the same token twice), and only the first was settled.
        Map<T, R> results = new IdentityHashMap<>();
        pool.withTransaction(connection -> work.run(connection, unique, results)).onComplete(done -> {
            for (Pending<T, R> p : batch) {
                R result = done.succeeded() ? results.getOrDefault(p.request(), alone) : alone;
                if (p.context() == null) {
                    p.callback().accept(result);
                } else {
                    p.context().runOnContext(x -> p.callback().accept(result));
                }
            }
            List<Pending<T, R>> next = null;
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
}
