package dev.gatehouse.usage;

import dev.gatehouse.events.usage.ApiUsageRecorded;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The calls counted since the last flush, in memory: one counter per caller, route, status and minute. Counting is a
 * map lookup and an add, with no lock shared by requests. A flush takes each counter's value and sets it to zero in
 * one step per cell ({@link LongAdder#sumThenReset()}), so a call counted while a flush runs is in this flush or the
 * next, never in neither: the counters stay in place for the requests that still hold them. A counter of a minute
 * long past (no request counts into it any more) is let go once it has been drained to zero.
 */
@ApplicationScoped
public class CallCounts {

    /**
     * How far back a minute must be before its counter is let go: a request reads the clock a few microseconds before
     * it counts, so two minutes leave no call that could still count into it.
     */
    private static final Duration STALE = Duration.ofMinutes(2);

    /** What one call is counted under. */
    public record Key(UUID companyId, String clientId, UUID installationId, UUID accountId, UUID projectId,
            String method, String route, int status, Instant minute) {
    }

    private final ConcurrentHashMap<Key, LongAdder> counters = new ConcurrentHashMap<>();
    private final Clock clock;

    public CallCounts(Clock clock) {
        this.clock = clock;
    }

    public void count(Key key) {
        counters.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Everything counted since the last drain, as the event's rows; counting goes on meanwhile. */
    public List<ApiUsageRecorded.Calls> drain() {
        Instant stale = clock.instant().minus(STALE);
        List<ApiUsageRecorded.Calls> calls = new ArrayList<>();
        counters.forEach((k, counter) -> {
            long n = counter.sumThenReset();
            if (n > 0) {
                calls.add(new ApiUsageRecorded.Calls(k.companyId(), k.clientId(), k.installationId(), k.accountId(),
                        k.projectId(), k.method(), k.route(), k.status(), k.minute(), Math.toIntExact(n)));
            } else if (k.minute().isBefore(stale)) {
                counters.remove(k, counter);
            }
        });
        return calls;
    }

    /** Puts counts back that could not be published (the database was away), so the next flush carries them. */
    public void restore(List<ApiUsageRecorded.Calls> calls) {
        for (ApiUsageRecorded.Calls c : calls) {
            counters.computeIfAbsent(new Key(c.companyId(), c.clientId(), c.installationId(), c.accountId(),
                    c.projectId(), c.method(), c.route(), c.status(), c.minute()), k -> new LongAdder()).add(c.count());
        }
    }

    /** The counters held now (for tests: what a long run leaves in memory). */
    Set<Key> keysHeld() {
        return Set.copyOf(counters.keySet());
    }
}
