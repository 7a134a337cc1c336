package dev.gatehouse.token.installation;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppRegistered;
import dev.gatehouse.events.apps.AppUpdated;
import dev.gatehouse.events.apps.AppVersionPublished;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.outbox.IdempotentConsumer;
import dev.gatehouse.token.clientadmin.ManagedClients;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.function.Supplier;

/**
 * From app-management's events: a registered app gets its OAuth client ({@code apps.app.v1}), and installations
 * are copied so the app can get tokens for each company that installed it ({@code apps.installation.v1}). A renamed
 * app's client takes the new name and description ({@code AppUpdated}); a published version's manifest is kept for
 * the consent page and its redirect URIs become the client's ({@code AppVersionPublished}).
 */
@ApplicationScoped
public class AppEventsConsumer {

    static final String CONSUMER = "token.apps";

    private final IdempotentConsumer consumer;
    private final ManagedClients clients;
    private final InstallationProjection installations;
    private final AppVersions versions;

    public AppEventsConsumer(IdempotentConsumer consumer, ManagedClients clients,
            InstallationProjection installations, AppVersions versions) {
        this.consumer = consumer;
        this.clients = clients;
        this.installations = installations;
        this.versions = versions;
        consumer.register(CONSUMER, Topics.APPS_APP, this::appEffect);
        consumer.register(CONSUMER, Topics.APPS_INSTALLATION, event -> AppsEvents.installationStateOf(event)
                .<Supplier<Uni<Void>>>map(state -> () -> installations.apply(state)).orElse(null));
    }

    @Incoming("apps")
    public Uni<Void> app(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, record);
    }

    @Incoming("installations")
    public Uni<Void> installation(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, record);
    }

    /** A registered app gets its client; a renamed or redescribed app's client follows. */
    private Supplier<Uni<Void>> appEffect(EventEnvelope event) {
        if (event.eventType().equals(AppsEvents.APP_REGISTERED.name())) {
            AppRegistered registered = event.payloadAs(AppsEvents.APP_REGISTERED);
            return () -> clients.registerApp(registered, event.actor()).call(() -> versions.registered(registered));
        }
        if (event.eventType().equals(AppsEvents.APP_VERSION_PUBLISHED.name())) {
            AppVersionPublished published = event.payloadAs(AppsEvents.APP_VERSION_PUBLISHED);
            return () -> versions.published(published).call(() -> clients.publishVersion(published.clientId(),
                    published.manifest().redirectUris(), event.actor()));
        }
        if (event.eventType().equals(AppsEvents.APP_UPDATED.name())) {
            AppUpdated updated = event.payloadAs(AppsEvents.APP_UPDATED);
            return () -> clients.updateApp(updated, event.actor());
        }
        return null;
    }
}
