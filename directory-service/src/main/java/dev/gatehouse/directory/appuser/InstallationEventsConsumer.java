package dev.gatehouse.directory.appuser;

import dev.gatehouse.directory.manageduser.ManagedUser;
import dev.gatehouse.directory.manageduser.ManagedUserSync;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.Topics;
import dev.gatehouse.outbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.function.Supplier;

/**
 * Keeps app users in step with installations (topic {@code apps.installation.v1}). Each event is applied at most
 * once and only if it is newer than what the app user already reflects ({@link ManagedUserSync}), so redelivery and
 * replays change nothing.
 */
@ApplicationScoped
public class InstallationEventsConsumer {

    static final String CONSUMER = "directory.app-users";

    private final IdempotentConsumer consumer;
    private final ManagedUserSync sync;

    public InstallationEventsConsumer(IdempotentConsumer consumer, ManagedUserSync sync) {
        this.consumer = consumer;
        this.sync = sync;
        consumer.register(CONSUMER, Topics.APPS_INSTALLATION, envelope -> AppsEvents.installationStateOf(envelope)
                .<Supplier<Uni<Void>>>map(state -> () -> sync.apply(ManagedUser.of(state), envelope.actor()))
                .orElse(null));
    }

    @Incoming("installations")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, record);
    }
}
