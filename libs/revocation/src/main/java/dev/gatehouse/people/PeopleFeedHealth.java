package dev.gatehouse.people;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until every role announced before the service started has been read: until then a person is unknown. */
@Readiness
@ApplicationScoped
public class PeopleFeedHealth implements HealthCheck {

    private final PeopleFeed feed;

    public PeopleFeedHealth(PeopleFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("people-feed").status(feed.caughtUp())
                .withData("roles", feed.roles()).build();
    }
}
