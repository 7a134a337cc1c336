package dev.gatehouse.usage;

import dev.gatehouse.events.usage.ApiUsageRecorded;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The calls counted since the last flush, in memory: one counter per caller, route, status and minute. Counting is a
 * map lookup and an add, with no lock shared by requests; a flush swaps the whole map for an empty one and reads the
 * old one once the requests already counting into it are done with it (they hold no reference past their add).
 */
@ApplicationScoped
public class CallCounts {

    /** What one call is counted under. */
    public record Key(UUID companyId, String clientId, UUID installationId, UUID accountId, UUID projectId,
            String method, String route, int status, Instant minute) {
    }

    private final AtomicReference<ConcurrentHashMap<Key, LongAdder>> current =
            new AtomicReference<>(new ConcurrentHashMap<>());

    public void count(Key key) {
        current.get().computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Everything counted so far, as the event's rows; counting goes on into a fresh map. */
    public List<ApiUsageRecorded.Calls> drain() {
        Map<Key, LongAdder> taken = current.getAndSet(new ConcurrentHashMap<>());
        List<ApiUsageRecorded.Calls> calls = new ArrayList<>(taken.size());
        taken.forEach((k, n) -> calls.add(new ApiUsageRecorded.Calls(k.companyId(), k.clientId(), k.installationId(),
                k.accountId(), k.projectId(), k.method(), k.route(), k.status(), k.minute(), n.intValue())));
        return calls;
    }

    /** Puts counts back that could not be published (the database was away), so the next flush carries them. */
    public void restore(List<ApiUsageRecorded.Calls> calls) {
        ConcurrentHashMap<Key, LongAdder> into = current.get();
        for (ApiUsageRecorded.Calls c : calls) {
            into.computeIfAbsent(new Key(c.companyId(), c.clientId(), c.installationId(), c.accountId(),
                    c.projectId(), c.method(), c.route(), c.status(), c.minute()), k -> new LongAdder()).add(c.count());
        }
    }
}
