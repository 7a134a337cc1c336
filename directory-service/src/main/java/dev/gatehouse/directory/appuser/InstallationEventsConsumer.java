package dev.gatehouse.directory.appuser;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.MalformedEventException;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.outbox.ProcessedEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Keeps app users in step with installations (topic {@code apps.installation.v1}). Each event is applied at most
 * once ({@link ProcessedEvents}, in the same transaction as its effect) and only if it is newer than what the app
 * user already reflects, so redelivery and replays change nothing. A database failure is retried with backoff
 * until it succeeds, so no offset is committed before its event took effect.
 */
@ApplicationScoped
public class InstallationEventsConsumer {

    static final String CONSUMER = "directory.app-users";
    private static final Logger LOG = Logger.getLogger(InstallationEventsConsumer.class);

    private final ProcessedEvents processed;
    private final AppUserSync sync;

    public InstallationEventsConsumer(ProcessedEvents processed, AppUserSync sync) {
        this.processed = processed;
        this.sync = sync;
    }

    @Incoming("installations")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = parse(record);
        if (envelope == null) {
            return Uni.createFrom().voidItem();
        }
        var kind = AppsEvents.INSTALLATION_EVENTS.stream()
                .filter(k -> k.type().name().equals(envelope.eventType())).findFirst();
        if (kind.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        InstallationState state;
        try {
            state = kind.get().stateOf(envelope);
        } catch (MalformedEventException e) {
            LOG.warnf("skipping %s %s: its payload is not an installation", envelope.eventType(), envelope.eventId());
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> processed.processOnce(CONSUMER, envelope,
                        () -> sync.apply(state, envelope.actor())))
                .onFailure().invoke(e -> LOG.warnf("could not apply %s %s yet, retrying: %s", envelope.eventType(),
                        envelope.eventId(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .replaceWithVoid();
    }

    private static EventEnvelope parse(ConsumerRecord<String, String> record) {
        try {
            return EventJson.parse(record.value());
        } catch (MalformedEventException | IllegalArgumentException | NullPointerException e) {
            LOG.warnf("skipping a record that is not a Gatehouse event: %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
            return null;
        }
    }
}
