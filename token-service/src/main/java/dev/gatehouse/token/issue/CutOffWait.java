package dev.gatehouse.token.issue;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits out a token cut-off before a grant issues. Access tokens carry a whole-second {@code iat} (RFC 7519 §2,
 * NumericDate), so a cut-off (a client's secret regenerated, its tokens revoked, it disabled; an installation
 * stopped and started again) is the next whole second, and a token issued in the cut-off's own second would be
 * dead on arrival at every service. The first grants after a cut-off therefore wait for it, at most about a second,
 * on a Vert.x timer so the grant goes on on its own context.
 */
@ApplicationScoped
public class CutOffWait {

    /** A cut-off is never more than a second ahead; anything further is a clock oddity not worth holding for. */
    private static final Duration MAX = Duration.ofMillis(1_100);

    private final Vertx vertx;
    private final Clock clock;

    public CutOffWait(Vertx vertx, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
    }

    /** Completes once {@code cutOff} (null: none) has passed, so a token issued then is not before it. */
    public Uni<Void> passed(Instant cutOff) {
        if (cutOff == null) {
            return Uni.createFrom().voidItem();
        }
        long millis = Duration.between(clock.instant(), cutOff).toMillis() + 1;
        if (millis <= 1) {
            return Uni.createFrom().voidItem();
        }
        long wait = Math.min(millis, MAX.toMillis());
        return Uni.createFrom().emitter(done -> vertx.setTimer(wait, id -> done.complete(null)));
    }
}
