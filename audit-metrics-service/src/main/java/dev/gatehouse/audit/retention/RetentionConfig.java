package dev.gatehouse.audit.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the trail and the usage tables keep a month ({@code gatehouse.retention.*}). */
@ConfigMapping(prefix = "gatehouse.retention")
public interface RetentionConfig {

    /**
     * Whole months kept before the current one; older months' partitions are dropped (the trail's chains keep a
     * checkpoint). 0, the default, keeps everything.
     */
    @WithDefault("0")
    int months();
}
