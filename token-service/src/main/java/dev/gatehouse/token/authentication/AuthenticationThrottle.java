package dev.gatehouse.token.authentication;

import dev.gatehouse.token.TokenConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing at the OAuth endpoints. Failed authentications drain two token buckets: one per source
 * address and one per client. An address with an empty bucket is refused (429) until it refills, whatever it sends.
 * A client with an empty bucket is refused only from addresses where it has not recently authenticated, so an
 * attacker spraying wrong secrets from elsewhere cannot lock the real client out.
 * <p>
 * Counters live in this replica's memory: with N replicas an attacker gets up to N times the budget, which still
 * bounds the rate; they are forgotten once full again.
 */
@ApplicationScoped
public class AuthenticationThrottle {

    private static final Duration KNOWN_ADDRESS_MEMORY = Duration.ofHours(24);
    private static final int KNOWN_ADDRESSES_PER_CLIENT = 32;

    private final Bucket.Limit addressLimit;
    private final Bucket.Limit clientLimit;
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byClient = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> knownAddresses = new ConcurrentHashMap<>();

    public AuthenticationThrottle(TokenConfig config) {
        this.addressLimit = new Bucket.Limit(config.throttle().addressFailures(), config.throttle().window());
        this.clientLimit = new Bucket.Limit(config.throttle().clientFailures(), config.throttle().window());
    }

    /** How long this attempt must wait, if it must. Checked before the secret is looked at. */
    public Optional<Duration> retryAfter(String clientId, String address) {
        long now = System.nanoTime();
        Optional<Duration> wait = waitOf(byAddress.get(address), now);
        if (wait.isPresent() || isKnown(clientId, address, now)) {
            return wait;
        }
        return waitOf(byClient.get(clientId), now);
    }

    public void failed(String clientId, String address) {
        long now = System.nanoTime();
        byAddress.computeIfAbsent(address, a -> new Bucket(addressLimit, now)).take(now);
        byClient.computeIfAbsent(clientId, c -> new Bucket(clientLimit, now)).take(now);
    }

    public void succeeded(String clientId, String address) {
        Map<String, Long> known = knownAddresses.computeIfAbsent(clientId, c -> new ConcurrentHashMap<>());
        if (known.size() >= KNOWN_ADDRESSES_PER_CLIENT && !known.containsKey(address)) {
            known.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(e -> known.remove(e.getKey()));
        }
        known.put(address, System.nanoTime());
    }

    private boolean isKnown(String clientId, String address, long now) {
        Long seen = knownAddresses.getOrDefault(clientId, Map.of()).get(address);
        return seen != null && now - seen < KNOWN_ADDRESS_MEMORY.toNanos();
    }

    private static Optional<Duration> waitOf(Bucket bucket, long now) {
        return bucket == null ? Optional.empty() : bucket.waitFor(now);
    }

    /** Forget buckets that have refilled and addresses not seen for a day, so memory follows the attack. */
    @Scheduled(every = "1m", delayed = "1m")
    void forgetRecovered() {
        long now = System.nanoTime();
        byAddress.values().removeIf(b -> b.isFull(now));
        byClient.values().removeIf(b -> b.isFull(now));
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
