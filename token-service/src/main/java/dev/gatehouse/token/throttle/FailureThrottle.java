package dev.gatehouse.token.throttle;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing. Failed attempts drain two token buckets: one per source address and one per subject (a
 * client id, an e-mail address). An address with an empty bucket is refused until it refills, whatever it sends.
 * A subject with an empty bucket is refused only from addresses where it has not recently succeeded, so an
 * attacker spraying wrong secrets or passwords from elsewhere cannot lock the real owner out.
 * <p>
 * Counters live in memory and are forgotten once full again ({@link #forgetRecovered}); {@link SharedThrottle} and
 * {@link ThrottleGossip} make every replica count every replica's failures.
 */
public final class FailureThrottle {

    private static final Duration KNOWN_ADDRESS_MEMORY = Duration.ofHours(24);
    private static final int KNOWN_ADDRESSES_PER_SUBJECT = 32;

    private final Bucket.Limit addressLimit;
    private final Bucket.Limit subjectLimit;
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Bucket> bySubject = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> knownAddresses = new ConcurrentHashMap<>();

    /** {@code addressFailures} per address and {@code subjectFailures} per subject, each refilled over the window. */
    public FailureThrottle(int addressFailures, int subjectFailures, Duration window) {
        this.addressLimit = new Bucket.Limit(addressFailures, window);
        this.subjectLimit = new Bucket.Limit(subjectFailures, window);
    }

    /** How long this attempt must wait, if it must. Checked before the secret is looked at. */
    public Optional<Duration> retryAfter(String subject, String address) {
        long now = System.nanoTime();
        Optional<Duration> wait = waitOf(byAddress.get(address), now);
        if (wait.isPresent() || isKnown(subject, address, now)) {
            return wait;
        }
        return waitOf(bySubject.get(subject), now);
    }

    public void failed(String subject, String address) {
        long now = System.nanoTime();
        byAddress.computeIfAbsent(address, a -> new Bucket(addressLimit, now)).take(now);
        bySubject.computeIfAbsent(subject, c -> new Bucket(subjectLimit, now)).take(now);
    }

    /** Remembers that {@code subject} succeeded from {@code address}; whether that address was not known yet. */
    public boolean succeeded(String subject, String address) {
        long now = System.nanoTime();
        boolean wasKnown = isKnown(subject, address, now);
        Map<String, Long> known = knownAddresses.computeIfAbsent(subject, c -> new ConcurrentHashMap<>());
        if (known.size() >= KNOWN_ADDRESSES_PER_SUBJECT && !known.containsKey(address)) {
            known.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(e -> known.remove(e.getKey()));
        }
        known.put(address, now);
        return !wasKnown;
    }

    private boolean isKnown(String subject, String address, long now) {
        Long seen = knownAddresses.getOrDefault(subject, Map.of()).get(address);
        return seen != null && now - seen < KNOWN_ADDRESS_MEMORY.toNanos();
    }

    private static Optional<Duration> waitOf(Bucket bucket, long now) {
        return bucket == null ? Optional.empty() : bucket.waitFor(now);
    }

    /** Forgets buckets that have refilled and addresses not seen for a day, so memory follows the attack. */
    public void forgetRecovered() {
        long now = System.nanoTime();
        byAddress.values().removeIf(b -> b.isFull(now));
        bySubject.values().removeIf(b -> b.isFull(now));
        knownAddresses.values().forEach(m -> m.values().removeIf(t -> now - t >= KNOWN_ADDRESS_MEMORY.toNanos()));
        knownAddresses.values().removeIf(Map::isEmpty);
    }

    /** A token bucket: {@code capacity} failures, refilled evenly over {@code window}. */
    static final class Bucket {

        record Limit(int capacity, Duration window) {
            double perNano() {
                return capacity / (double) window.toNanos();
            }
        }

        private final Limit limit;
        private double tokens;
        private long updated;

        Bucket(Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.capacity();
            this.updated = now;
        }

        synchronized void take(long now) {
            refill(now);
            tokens = Math.max(tokens - 1, -1);
        }

        synchronized Optional<Duration> waitFor(long now) {
            refill(now);
            if (tokens >= 1) {
                return Optional.empty();
            }
            long nanos = (long) Math.ceil((1 - tokens) / limit.perNano());
            return Optional.of(Duration.ofNanos(nanos));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= limit.capacity();
        }

        private void refill(long now) {
            tokens = Math.min(limit.capacity(), tokens + (now - updated) * limit.perNano());
            updated = now;
        }
    }
}
