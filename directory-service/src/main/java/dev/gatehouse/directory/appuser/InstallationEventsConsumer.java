package dev.gatehouse.directory.appuser;

import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.outbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.function.Supplier;

/**
 * Keeps app users in step with installations (topic {@code apps.installation.v1}). Each event is applied at most
 * once and only if it is newer than what the app user already reflects ({@link AppUserSync}), so redelivery and
 * replays change nothing.
 */
@ApplicationScoped
public class InstallationEventsConsumer {

    static final String CONSUMER = "directory.app-users";

    private final IdempotentConsumer consumer;
    private final AppUserSync sync;

    public InstallationEventsConsumer(IdempotentConsumer consumer, AppUserSync sync) {
        this.consumer = consumer;
        this.sync = sync;
    }

    @Incoming("installations")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, record, envelope -> AppsEvents.installationStateOf(envelope)
                .<Supplier<Uni<Void>>>map(state -> () -> sync.apply(state, envelope.actor()))
                .orElse(null));
    }
}
