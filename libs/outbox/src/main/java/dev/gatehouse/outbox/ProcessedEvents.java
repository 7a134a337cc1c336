package dev.gatehouse.outbox;

import dev.gatehouse.events.EventEnvelope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * The idempotent consumer: a consumer's effect and the record that it processed the event commit in one
 * transaction, so a redelivered event (Kafka delivers at least once) has no second effect.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String CLAIM = """
            insert into processed_event (consumer, event_id) values (:consumer, :eventId)
            on conflict do nothing
            """;

    /**
     * Runs {@code effect} in a new transaction unless {@code consumer} has already processed this event.
     *
     * @return true if the effect ran, false if the event was a duplicate
     */
    public Uni<Boolean> processOnce(String consumer, EventEnvelope event, Supplier<Uni<Void>> effect) {
        return Panache.withTransaction(() -> claim(consumer, event)
                .chain(first -> first ? effect.get().replaceWith(true) : Uni.createFrom().item(false)));
    }

    /**
     * Inside the caller's transaction: true the first time, false for a duplicate. A concurrent duplicate waits on
     * the primary key until the first commits, then sees the conflict.
     */
    public Uni<Boolean> claim(String consumer, EventEnvelope event) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", event.eventId())
                        .executeUpdate())
                .map(rows -> rows == 1);
    }
}
