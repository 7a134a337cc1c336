package dev.gatehouse.console.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.gatehouse.console.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Optional;

/**
 * The signed-in browsers, in this console's memory: a session idle for {@code gatehouse.console.session-idle-timeout}
 * is forgotten, and so is every session when the console restarts (people then pass through token-service again,
 * which signs them straight back in while its own session lasts). Several console replicas need sticky sessions.
 */
@ApplicationScoped
public class ConsoleSessions {

    private final Cache<String, ConsoleSession> sessions;

    public ConsoleSessions(ConsoleConfig config, Clock clock) {
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        this.sessions = Caffeine.newBuilder().expireAfterAccess(config.sessionIdleTimeout())
                .maximumSize(config.maxSessions()).ticker(ticker).build();
    }

    public ConsoleSession start(TokenSet signIn) {
        ConsoleSession session = new ConsoleSession(signIn);
        sessions.put(session.handle(), session);
        return session;
    }

    public Optional<ConsoleSession> find(String handle) {
        return handle == null ? Optional.empty() : Optional.ofNullable(sessions.getIfPresent(handle));
    }

    public void end(String handle) {
        if (handle != null) {
            sessions.invalidate(handle);
        }
    }
}
