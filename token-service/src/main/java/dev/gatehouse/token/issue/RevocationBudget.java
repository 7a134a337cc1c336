package dev.gatehouse.token.issue;

import dev.gatehouse.token.TokenConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many tokens one client may revoke one by one (RFC 7009) per window. Each revoked token is remembered, in
 * every replica's memory and on every resource server, until it would have expired; without a budget a
 * mint-then-revoke loop would grow that memory without bound. A client that must end more tokens than this
 * revokes all of them at once ({@code revoke-tokens}), which costs one entry. Revoking a token that is already
 * revoked or expired costs nothing: it is not counted.
 */
@ApplicationScoped
public class RevocationBudget {

    private final int perClient;
    private final Duration window;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RevocationBudget(TokenConfig config) {
        this.perClient = config.revocation().perClient();
        this.window = config.revocation().window();
    }

    /** Takes one revocation from the client's budget, or says how long until it has one again. */
    public Optional<Duration> take(String clientId) {
        long now = System.nanoTime();
        Window w = windows.compute(clientId, (id, current) ->
                current == null || now - current.start >= window.toNanos() ? new Window(now) : current);
        synchronized (w) {
            if (w.used >= perClient) {
                return Optional.of(Duration.ofNanos(Math.max(1, w.start + window.toNanos() - now)));
            }
            w.used++;
            return Optional.empty();
        }
    }

    @Scheduled(every = "1m", delayed = "1m")
    void forgetEnded() {
        long now = System.nanoTime();
        windows.values().removeIf(w -> now - w.start >= window.toNanos());
    }

    private static final class Window {
        final long start;
        int used;

        Window(long start) {
            this.start = start;
        }
    }
}
