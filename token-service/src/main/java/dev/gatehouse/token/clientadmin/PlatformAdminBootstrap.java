package dev.gatehouse.token.clientadmin;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.token.TokenConfig;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.client.Client;
import dev.gatehouse.token.client.ClientOwner;
import dev.gatehouse.token.client.ClientRepository;
import dev.gatehouse.token.client.ClientSecret;
import dev.gatehouse.token.client.ClientSecretRepository;
import dev.gatehouse.token.client.SecretHasher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import dev.gatehouse.token.StartupLock;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * On start, creates the platform-admin client from {@code GATEHOUSE_ADMIN_CLIENT_ID} and
 * {@code GATEHOUSE_ADMIN_CLIENT_SECRET} if it does not exist yet, so a fresh system can be administered over HTTP.
 * An existing client is left alone: its secret is rotated through the API, not by changing the environment.
 */
@ApplicationScoped
public class PlatformAdminBootstrap {

    private static final Logger LOG = Logger.getLogger(PlatformAdminBootstrap.class);
    static final int MIN_SECRET_LENGTH = 32;

    private final TokenConfig config;
    private final ClientRepository clients;
    private final ClientSecretRepository secrets;
    private final SecretHasher hasher;
    private final OutboxWriter outbox;
    private final Clock clock;

    public PlatformAdminBootstrap(TokenConfig config, ClientRepository clients, ClientSecretRepository secrets,
            SecretHasher hasher, OutboxWriter outbox, Clock clock) {
        this.config = config;
        this.clients = clients;
        this.secrets = secrets;
        this.hasher = hasher;
        this.outbox = outbox;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(2000) StartupEvent event) throws Throwable {
        if (config.adminClientId().isEmpty() || config.adminClientSecret().isEmpty()) {
            return;
        }
        String clientId = config.adminClientId().get().strip();
        String secret = config.adminClientSecret().get();
        // Unreserved URL characters only: client_secret_basic form-urlencodes credentials (RFC 6749 §2.3.1), and
        // many client libraries skip that step, so a '+' or '%' would mean different secrets to different clients.
        if (secret.length() < MIN_SECRET_LENGTH || !secret.matches("[A-Za-z0-9._~-]+")) {
            throw new IllegalStateException("GATEHOUSE_ADMIN_CLIENT_SECRET must be at least " + MIN_SECRET_LENGTH
                    + " characters of A-Z a-z 0-9 . _ ~ -");
        }
        boolean created = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> StartupLock.acquire().chain(() -> clients.findById(clientId)).chain(existing -> existing != null
                        ? Uni.createFrom().item(false) : create(clientId, secret).replaceWith(true))));
        if (created) {
            LOG.infof("created the platform-admin client %s", clientId);
        }
    }

    private Uni<Void> create(String clientId, String secret) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Client c = Client.register(clientId, "Platform admin", "Created at first start from GATEHOUSE_ADMIN_CLIENT_ID",
                ClientOwner.PLATFORM, List.of(), (int) config.defaultTokenLifetime().toSeconds(),
                config.defaultSigningAlgorithm(), TokenService.NAME, now);
        ClientSecret s = ClientSecret.of(clientId, hasher.hash(secret), now);
        return clients.persist(c).chain(() -> secrets.persist(s)).chain(() -> clients.flush())
                .chain(() -> outbox.append(EventEnvelope.of(TokenEvents.CLIENT_CREATED, TokenService.NAME, null,
                        Actor.system(TokenService.NAME), clientId, ClientChanges.created(c))));
    }
}
