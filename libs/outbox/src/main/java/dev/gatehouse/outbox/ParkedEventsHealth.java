package dev.gatehouse.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports how many events this service's consumers have parked. It stays UP: a parked event stops nothing else,
 * and taking the service out of rotation would not help apply it. Alert on {@code parked > 0}.
 */
@Readiness
@ApplicationScoped
public class ParkedEventsHealth implements AsyncHealthCheck {

    private final ParkedEventRepository parked;

    public ParkedEventsHealth(ParkedEventRepository parked) {
        this.parked = parked;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Panache.withSession(parked::countOpen)
                .map(n -> HealthCheckResponse.named("parked-events").up().withData("parked", n).build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("parked-events").up()
                        .withData("parked", "unknown: the database did not answer").build());
    }
}
