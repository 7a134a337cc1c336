package dev.gatehouse.token.account;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where password hashing runs: a small pool of its own (half the cores, at least one) with a short queue. Argon2id
 * is meant to be slow and to use memory, so unbounded it would let a flood of sign-ins take every core (and
 * 19 MiB per attempt) from the token endpoint; bounded, the flood waits here or is told to come back
 * ({@link Busy}) and clients' grants keep their CPU. The answer returns on the caller's Vert.x context, so the
 * reactive session it was using carries on.
 */
@ApplicationScoped
public class PasswordWork {

    static final int QUEUE = 64;

    /** Too many sign-ins are waiting for a hash; the caller should answer "try again in a moment". */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("Too many sign-ins at once", null, false, false);
        }
    }

    private final ThreadPoolExecutor pool;

    public PasswordWork() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, "gatehouse-password-hashing");
                    t.setDaemon(true);
                    return t;
                });
    }

    public <T> Uni<T> run(Supplier<T> work) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> {
            try {
                pool.execute(() -> {
                    try {
                        T result = work.get();
                        deliver(context, () -> emitter.complete(result));
                    } catch (RuntimeException e) {
                        deliver(context, () -> emitter.fail(e));
                    }
                });
            } catch (RejectedExecutionException e) {
                emitter.fail(new Busy());
            }
        });
    }

    private static void deliver(Context context, Runnable action) {
        if (context == null) {
            action.run();
        } else {
            context.runOnContext(x -> action.run());
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
