package dev.gatehouse.audit.trail;

import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.MalformedEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Feeds every Gatehouse topic into the audit trail. A record that is not an event is logged (by position, never by
 * content) and skipped so it cannot block its partition; a database failure is retried with backoff until it
 * succeeds, so no event is acknowledged before it is recorded.
 */
@ApplicationScoped
public class AuditTrailConsumer {

    private static final Logger LOG = Logger.getLogger(AuditTrailConsumer.class);

    private final AuditTrailService trail;

    public AuditTrailConsumer(AuditTrailService trail) {
        this.trail = trail;
    }

    @Incoming("system-events")
    @ActivateRequestContext
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        var envelope = parse(record);
        if (envelope == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> trail.record(envelope, record.topic()))
                .onFailure().invoke(e -> LOG.warnf("could not record event %s yet, retrying: %s",
                        envelope.eventId(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .replaceWithVoid();
    }

    private static dev.gatehouse.events.EventEnvelope parse(ConsumerRecord<String, String> record) {
        try {
            return EventJson.parse(record.value());
        } catch (MalformedEventException | IllegalArgumentException | NullPointerException e) {
            LOG.warnf("skipping a record that is not a Gatehouse event: %s-%d@%d", record.topic(),
                    record.partition(), record.offset());
            return null;
        }
    }
}
