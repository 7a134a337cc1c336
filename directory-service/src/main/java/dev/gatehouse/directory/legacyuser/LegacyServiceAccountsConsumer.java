package dev.gatehouse.directory.legacyuser;

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
 * Keeps legacy service accounts' users in step with app-management (topic {@code apps.legacy-service-account.v1}):
 * created with the permissions and projects the admin set, changed with them, deactivated when the account is
 * migrated or deleted. Applied once per event and only when newer than what the user reflects.
 */
@ApplicationScoped
public class LegacyServiceAccountsConsumer {

    static final String CONSUMER = "directory.legacy-users";

    private final IdempotentConsumer consumer;
    private final ManagedUserSync sync;

    public LegacyServiceAccountsConsumer(IdempotentConsumer consumer, ManagedUserSync sync) {
        this.consumer = consumer;
        this.sync = sync;
        consumer.register(CONSUMER, Topics.APPS_LEGACY_SERVICE_ACCOUNT,
                envelope -> AppsEvents.legacyServiceAccountStateOf(envelope)
                        .<Supplier<Uni<Void>>>map(state -> () -> sync.apply(ManagedUser.of(state), envelope.actor()))
                        .orElse(null));
    }

    @Incoming("legacy-service-accounts")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, record);
    }
}
