package dev.gatehouse.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Parked events, by consumer and aggregate. */
@ApplicationScoped
public class ParkedEventRepository implements PanacheRepositoryBase<ParkedEvent, UUID> {

    /** The oldest open parked event of this aggregate for this consumer, if any: later ones wait behind it. */
    public Uni<ParkedEvent> openHead(String consumer, String aggregateKey) {
        if (aggregateKey == null) {
            return Uni.createFrom().nullItem();
        }
        return find("consumer = ?1 and aggregateKey = ?2 and resolvedAt is null "
                + "order by parkedAt, partition, offset", consumer, aggregateKey).firstResult();
    }

    /** The open events of this aggregate for this consumer, in the order they arrived. */
    public Uni<List<ParkedEvent>> openInOrder(String consumer, String aggregateKey) {
        return list("consumer = :consumer and aggregateKey = :key and resolvedAt is null "
                + "order by parkedAt, partition, offset", Map.of("consumer", consumer, "key", aggregateKey));
    }

    public Uni<Long> countOpen() {
        return count("resolvedAt is null");
    }
}
