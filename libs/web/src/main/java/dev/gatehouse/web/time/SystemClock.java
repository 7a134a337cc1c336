package dev.gatehouse.web.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one {@link Clock} every service injects, so that time-dependent rules (expiries, cut-offs, lock-outs) read
 * time from one place and a test can move it ({@code QuarkusMock.installMockForType(clock, Clock.class)}).
 * Application-scoped, hence behind a client proxy, which is what lets a test replace it.
 */
public class SystemClock {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
