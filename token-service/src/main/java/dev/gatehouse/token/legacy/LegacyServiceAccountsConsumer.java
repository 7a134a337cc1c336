package dev.gatehouse.token.legacy;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.LegacyServiceAccountState;
import dev.gatehouse.outbox.IdempotentConsumer;
import dev.gatehouse.token.clientadmin.ManagedClients;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.function.Supplier;

/**
 * From app-management's legacy service account events ({@code apps.legacy-service-account.v1}): an active account
 * has a company client (created on first sight), a migrated or deleted one has none. Its permissions live in the
 * directory, so changes to them need nothing here.
 */
@ApplicationScoped
public class LegacyServiceAccountsConsumer {

    static final String CONSUMER = "token.legacy-service-accounts";

    private final IdempotentConsumer consumer;
    private final ManagedClients clients;

    public LegacyServiceAccountsConsumer(IdempotentConsumer consumer, ManagedClients clients) {
        this.consumer = consumer;
        this.clients = clients;
        consumer.register(CONSUMER, Topics.APPS_LEGACY_SERVICE_ACCOUNT, event -> AppsEvents
                .legacyServiceAccountStateOf(event)
                .<Supplier<Uni<Void>>>map(account -> () -> apply(account, event.actor())).orElse(null));
    }

    @Incoming("legacy-service-accounts")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, record);
    }

    private Uni<Void> apply(LegacyServiceAccountState account, Actor actor) {
        return account.active() ? clients.registerLegacy(account, actor) : clients.removeLegacy(account, actor);
    }
}
