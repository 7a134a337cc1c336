package dev.gatehouse.audit.trail;

import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.MalformedEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds every Gatehouse topic into the audit trail, a whole poll at a time (channel {@code batch=true}): at
 * thousands of tokens a second, one transaction per event would make the trail the bottleneck. A record that is
 * not an event is logged (by position, never by content) and skipped so it cannot block its partition; a
 * database failure is retried with backoff until it succeeds, so no offset is committed before its event is
 * recorded.
 */
@ApplicationScoped
public class AuditTrailConsumer {

    private static final Logger LOG = Logger.getLogger(AuditTrailConsumer.class);

    private final AuditTrailWriter trail;

    public AuditTrailConsumer(AuditTrailWriter trail) {
        this.trail = trail;
    }

    @Incoming("system-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<AuditTrailWriter.Delivered> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            var envelope = parse(record);
            if (envelope != null) {
                batch.add(new AuditTrailWriter.Delivered(envelope, record.topic()));
            }
        }
        return Uni.createFrom().deferred(() -> trail.append(batch))
                .onFailure().invoke(e -> LOG.warnf("could not record %d events yet, retrying: %s", batch.size(),
                        e.getMessage()))
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
