package dev.gatehouse.audit.trail;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.MalformedEventException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * A table kept from the events the trail records, in the trail's own transaction: each event counts exactly once
 * (the trail refuses a duplicate before any projection sees it) and costs no transaction of its own.
 */
public interface TrailProjection {

    /** Applies {@code recorded}, the events of one batch new to the trail, in the order they were recorded. */
    Uni<Void> apply(SqlConnection conn, List<EventEnvelope> recorded);

    /**
     * The payload as {@code type} declares it, or null (logged by event id) if it does not match: the trail keeps
     * such an event as it came, and one bad payload must not hold back the batch it arrived in.
     */
    static <P> P payloadOrNull(EventEnvelope event, EventType<P> type) {
        try {
            return event.payloadAs(type);
        } catch (MalformedEventException | IllegalArgumentException e) {
            Logger.getLogger(TrailProjection.class).warnf("%s %s does not match its type; recorded, not counted",
                    event.eventType(), event.eventId());
            return null;
        }
    }
}
