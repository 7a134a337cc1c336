package dev.gatehouse.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a client saw while replicas were being killed and started again: every call's answer time, the answers the
 * load balancer gave instead of a service (502, 503, 504) and the connections that failed, each of which the client
 * tried again. Recorded only between {@link #open()} and {@link #close()}.
 */
final class ClientObservations {

    private final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean open;
    private volatile long openedAt;
    private volatile long closedAt;
    private int unavailable;
    private int connectionFailures;

    static boolean unavailable(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    void open() {
        openedAt = System.nanoTime();
        open = true;
    }

    void close() {
        closedAt = System.nanoTime();
        open = false;
    }

    synchronized void answered(int status, long startedNanos) {
        if (open) {
            micros.add((System.nanoTime() - startedNanos) / 1000);
            if (unavailable(status)) {
                unavailable++;
            }
        }
    }

    synchronized void failed() {
        if (open) {
            connectionFailures++;
        }
    }

    synchronized String summary() {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        long p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99)));
        long max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
        return String.format("over %.1fs: %d calls, %d answered 502/503/504 and %d failed to connect (each tried "
                + "again), answer time p50 %.0f ms, p99 %.0f ms, max %.0f ms", (closedAt - openedAt) / 1e9,
                sorted.size(), unavailable, connectionFailures, p50 / 1000.0, p99 / 1000.0, max / 1000.0);
    }
}
