package dev.gatehouse.usage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code gatehouse.usage.*}: usage recording (libs/usage). */
@ConfigMapping(prefix = "gatehouse.usage")
public interface UsageConfig {

    /** Whether API calls are counted and published at all (off only to measure what recording costs). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often the counts are published (UsageFlush's schedule reads the same key); a crash loses at most this
     * much.
     */
    @WithDefault("60s")
    Duration flushInterval();

    /** At most this many call counts per event; a busier interval is published as several events. */
    @WithDefault("500")
    int maxCallsPerEvent();
}
