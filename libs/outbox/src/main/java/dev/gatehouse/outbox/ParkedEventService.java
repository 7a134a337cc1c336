package dev.gatehouse.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What an operator does with parked events: list them, replay an aggregate's parked events in the order they
 * arrived (each applied at most once, through the consumer's own handler, and marked replayed in the same
 * transaction), or discard one for good.
 */
@ApplicationScoped
public class ParkedEventService {

    private static final Logger LOG = Logger.getLogger(ParkedEventService.class);

    /** One parked event as the admin API shows it. The envelope holds no secret: no Gatehouse event does. */
    @Schema(name = "ParkedEvent")
    public record View(UUID id, String consumer, UUID eventId, String eventType, String topic, int partition,
            long offset, String aggregateKey, String error, int attempts, UUID behind, Instant parkedAt,
            Instant resolvedAt, String resolution,
            @Schema(type = SchemaType.OBJECT, description = "The event's envelope, as it was read") JsonNode envelope) {
        static View of(ParkedEvent p) {
            return new View(p.id, p.consumer, p.eventId, p.eventType, p.topic, p.partition, p.offset, p.aggregateKey,
                    p.error, p.attempts, p.behind, p.parkedAt, p.resolvedAt, p.resolution, tree(p.envelope));
        }

        private static JsonNode tree(String json) {
            try {
                return EventJson.mapper().readTree(json);
            } catch (java.io.IOException e) {
                return null;
            }
        }
    }

    /** What a replay did: the events now applied, in order, and those still parked (the first with its error). */
    @Schema(name = "ParkedEventReplay")
    public record Replay(List<UUID> replayed, List<UUID> stillParked, String error) {
    }

    private final ParkedEventRepository parked;
    private final IdempotentConsumer consumers;
    private final ProcessedEvents processed;

    public ParkedEventService(ParkedEventRepository parked, IdempotentConsumer consumers,
            ProcessedEvents processed) {
        this.parked = parked;
        this.consumers = consumers;
        this.processed = processed;
    }

    @WithSession
    public Uni<Page<View>> list(String status, PageRequest page) {
        StringBuilder where = new StringBuilder(switch (status == null ? "open" : status) {
            case "open" -> "resolvedAt is null";
            case "replayed", "discarded" -> "resolution = :status";
            case "all" -> "1 = 1";
            default -> throw ProblemException.invalid("status", "must be open, replayed, discarded or all");
        });
        Map<String, Object> params = new HashMap<>();
        if (where.toString().contains(":status")) {
            params.put("status", status);
        }
        page.appendKeyset(where, params, "parkedAt", "id", false);
        return parked.find(where + " order by parkedAt, id", params).range(0, page.fetchSize() - 1).list()
                .map(rows -> page.page(rows, p -> new PageRequest.Position(p.parkedAt, p.id), View::of));
    }

    @WithSession
    public Uni<View> get(UUID id) {
        return find(id).map(View::of);
    }

    /**
     * Replays {@code id} and then the events parked behind it, in order, stopping at the first that fails again
     * (it stays parked with the new error). {@code id} must be the oldest open event of its aggregate.
     */
    public Uni<Replay> replay(UUID id) {
        // The queue is read in a session of its own, and each event is applied in a fresh one: a failed effect
        // leaves its session unusable, and recording that failure needs another.
        return Panache.withSession(() -> find(id).chain(head -> {
            if (!head.isOpen()) {
                throw ProblemException.conflict("Parked event " + id + " was already " + head.resolution);
            }
            IdempotentConsumer.Handler handler = consumers.handler(head.consumer, head.topic).orElseThrow(() ->
                    ProblemException.conflict("Consumer " + head.consumer + " of " + head.topic
                            + " is not running in this service"));
            Uni<List<ParkedEvent>> queue = head.aggregateKey == null ? Uni.createFrom().item(List.of(head))
                    : parked.openInOrder(head.consumer, head.aggregateKey);
            return queue.map(open -> {
                if (!open.get(0).id.equals(id)) {
                    throw ProblemException.conflict("Parked event " + id + " waits behind " + open.get(0).id
                            + " of the same aggregate; replay or discard that one first");
                }
                return open.stream().map(p -> p.id).toList();
            }).map(ids -> new Queue(ids, handler));
        })).chain(queue -> replayInOrder(queue.ids(), queue.handler()));
    }

    private record Queue(List<UUID> ids, IdempotentConsumer.Handler handler) {
    }

    @WithTransaction
    public Uni<View> discard(UUID id) {
        return find(id).map(p -> {
            if (!p.isOpen()) {
                throw ProblemException.conflict("Parked event " + id + " was already " + p.resolution);
            }
            p.discarded(now());
            LOG.warnf("parked event %s (%s %s for %s) discarded by an operator", p.id, p.eventType, p.eventId,
                    p.consumer);
            return View.of(p);
        });
    }

    private Uni<Replay> replayInOrder(List<UUID> ids, IdempotentConsumer.Handler handler) {
        List<UUID> done = new ArrayList<>();
        Uni<String> chain = Uni.createFrom().nullItem();
        for (UUID next : ids) {
            chain = chain.chain(error -> error != null ? Uni.createFrom().item(error)
                    : replayOne(next, handler).invoke(failure -> {
                        if (failure == null) {
                            done.add(next);
                        }
                    }));
        }
        return chain.map(error -> new Replay(done, ids.subList(done.size(), ids.size()), error));
    }

    /** Applies one parked event and marks it replayed in one transaction; on failure records why. Null: done. */
    private Uni<String> replayOne(UUID id, IdempotentConsumer.Handler handler) {
        return Panache.withTransaction(() -> parked.findById(id).chain(p -> {
            EventEnvelope envelope = EventJson.parse(p.envelope);
            Supplier<Uni<Void>> effect = handler.effectOf(envelope);
            return processed.claim(p.consumer, envelope)
                    .chain(first -> first && effect != null ? effect.get() : Uni.createFrom().voidItem())
                    .invoke(() -> p.replayed(now()));
        })).replaceWith((String) null)
                .onFailure().recoverWithUni(e -> {
                    String reason = ConsumerFailures.describe(e);
                    return Panache.withTransaction(() -> parked.findById(id).invoke(p -> p.failedAgain(reason)))
                            .replaceWith(reason);
                });
    }

    private Uni<ParkedEvent> find(UUID id) {
        return parked.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Parked event", id));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
