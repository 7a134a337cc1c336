package dev.gatehouse.usage;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.usage.ApiUsageRecorded;
import dev.gatehouse.events.usage.UsageEvents;
import dev.gatehouse.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes what {@link CallCounts} counted, once per {@code gatehouse.usage.flush-interval} (60 s), as
 * {@code ApiUsageRecorded} events written to the service's outbox in one transaction (at most
 * {@code max-calls-per-event} counts each), so the relay sends them like every other event. A graceful shutdown
 * flushes what is left before the service stops; a crash loses at most one interval's counts. Counts that cannot be
 * written (the database away) are kept for the next flush.
 */
@ApplicationScoped
public class UsageFlush {

    private static final Logger LOG = Logger.getLogger(UsageFlush.class);

    private final CallCounts counts;
    private final OutboxWriter outbox;
    private final UsageConfig config;
    private final Clock clock;
    private final String service;
    private Instant from;

    public UsageFlush(CallCounts counts, OutboxWriter outbox, UsageConfig config, Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.counts = counts;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.service = service;
        this.from = clock.instant();
    }

    @Scheduled(every = "${gatehouse.usage.flush-interval:60s}", delayed = "${gatehouse.usage.flush-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> everyInterval() {
        return flush();
    }

    /** A graceful shutdown publishes what is left (public so a test can play the shutdown). */
    public void onStop(@Observes ShutdownEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(this::flush);
    }

    /** Publishes everything counted until now. */
    public synchronized Uni<Void> flush() {
        Instant to = clock.instant();
        Instant start = from;
        from = to;
        List<ApiUsageRecorded.Calls> calls = counts.drain();
        if (calls.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < calls.size(); i += config.maxCallsPerEvent()) {
            events.add(EventEnvelope.of(UsageEvents.API_USAGE_RECORDED, service, null, Actor.system(service), service,
                    new ApiUsageRecorded(service, start, to, List.copyOf(calls.subList(i,
                            Math.min(calls.size(), i + config.maxCallsPerEvent()))))));
        }
        return Panache.withTransaction(() -> Multi.createFrom().iterable(events).onItem()
                        .transformToUniAndConcatenate(outbox::append).collect().last())
                .replaceWithVoid()
                .onFailure().invoke(e -> {
                    LOG.warnf("usage counts kept for the next flush: %s", e.toString());
                    counts.restore(calls);
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
