package dev.gatehouse.directory.serviceaccountuser;

import dev.gatehouse.directory.manageduser.ManagedUser;
import dev.gatehouse.directory.manageduser.ManagedUserSync;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.token.ServiceAccountChanged;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.outbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.function.Supplier;

/**
 * Keeps company service accounts' users in step with token-service (topic {@code token.client.v1}, its
 * {@code ServiceAccountChanged} events; the topic's other client events mean nothing here): created with the
 * account, with the permissions and projects its admins gave it, inactive while it is disabled, deactivated when it
 * is deleted. Applied once per event and only when newer than what the user reflects.
 */
@ApplicationScoped
public class ServiceAccountsConsumer {

    static final String CONSUMER = "directory.service-account-users";

    private final IdempotentConsumer consumer;

    public ServiceAccountsConsumer(IdempotentConsumer consumer, ManagedUserSync sync) {
        this.consumer = consumer;
        consumer.register(CONSUMER, Topics.TOKEN_CLIENT, envelope -> {
            if (!envelope.eventType().equals(TokenEvents.SERVICE_ACCOUNT_CHANGED.name())) {
                return null;
            }
            ServiceAccountChanged state = envelope.payloadAs(TokenEvents.SERVICE_ACCOUNT_CHANGED);
            return (Supplier<Uni<Void>>) () -> sync.apply(ManagedUser.of(state), envelope.actor());
        });
    }

    @Incoming("service-accounts")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, record);
    }
}
