package dev.gatehouse.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the revocation feed has read every revocation that was published before the service started:
 * until then a revoked token could pass here.
 */
@Readiness
@ApplicationScoped
public class RevocationFeedHealth implements HealthCheck {

    private final RevocationFeed feed;

    public RevocationFeedHealth(RevocationFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("revocation-feed").status(feed.caughtUp())
                .withData("revocations", feed.size()).build();
    }
}
