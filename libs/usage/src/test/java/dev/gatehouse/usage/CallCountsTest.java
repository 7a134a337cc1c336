package dev.gatehouse.usage;

import dev.gatehouse.events.usage.ApiUsageRecorded;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting goes on while a flush drains: every call counted is published by exactly one flush, none lost at the
 * moment a flush takes the counts, none published twice; counters of minutes long past are let go once drained.
 */
class CallCountsTest {

    private static final Instant MINUTE = Instant.parse("2026-12-02T10:15:00Z");

    @Test
    void noCallIsLostOrCountedTwiceWhileFlushesDrainConcurrently() throws Exception {
        CallCounts counts = new CallCounts(Clock.fixed(MINUTE.plusSeconds(30), ZoneOffset.UTC));
        int threads = 4;
        int perThread = 200_000;
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean counting = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int status = 200 + t % 2;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    counts.count(key(status, MINUTE));
                }
            });
            worker.start();
            workers.add(worker);
        }
        long drained = 0;
        start.countDown();
        Thread watcher = new Thread(() -> {
            for (Thread w : workers) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            counting.set(false);
        });
        watcher.start();
        while (counting.get()) {
            drained += sum(counts.drain());
        }
        watcher.join();
        drained += sum(counts.drain());

        assertThat(drained).isEqualTo((long) threads * perThread);
        assertThat(counts.drain()).as("nothing left after everything was published").isEmpty();
    }

    @Test
    void countsThatCouldNotBePublishedGoOutWithTheNextFlush() {
        CallCounts counts = new CallCounts(Clock.fixed(MINUTE.plusSeconds(30), ZoneOffset.UTC));
        counts.count(key(200, MINUTE));
        counts.count(key(200, MINUTE));
        List<ApiUsageRecorded.Calls> failed = counts.drain();
        counts.count(key(200, MINUTE));

        counts.restore(failed);

        assertThat(counts.drain()).singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(3));
    }

    @Test
    void aMinuteLongPastIsForgottenOnceDrainedAndTheCurrentOneIsKept() {
        Instant now = MINUTE.plus(Duration.ofMinutes(10));
        CallCounts counts = new CallCounts(Clock.fixed(now, ZoneOffset.UTC));
        counts.count(key(200, MINUTE));
        counts.count(key(200, now));
        assertThat(counts.drain()).hasSize(2);

        assertThat(counts.drain()).isEmpty();
        assertThat(counts.keysHeld()).as("the old minute's counter is let go, the current one kept")
                .containsExactly(key(200, now));
    }

    private static CallCounts.Key key(int status, Instant minute) {
        return new CallCounts.Key(UUID.fromString("00000000-0000-0000-0000-000000000001"), "client", null, null, null,
                "GET", "/companies/{companyId}", status, minute);
    }

    private static long sum(List<ApiUsageRecorded.Calls> calls) {
        return calls.stream().mapToLong(ApiUsageRecorded.Calls::count).sum();
    }
}
