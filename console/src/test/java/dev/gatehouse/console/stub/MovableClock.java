package dev.gatehouse.console.stub;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The console's clock in its server-side tests: the real time, moved forward when a test needs time to pass (an idle
 * session's timeout) without waiting for it.
 */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    public void moveForward(Duration by) {
        ahead = ahead.plus(by);
    }

    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
