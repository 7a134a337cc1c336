package dev.gatehouse.token.client;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.ClientCreated;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.token.TokenConfig;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.oauth.GrantTypes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

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

    public PlatformAdminBootstrap(TokenConfig config, ClientRepository clients, ClientSecretRepository secrets,
            SecretHasher hasher, OutboxWriter outbox) {
        this.config = config;
        this.clients = clients;
        this.secrets = secrets;
        this.hasher = hasher;
        this.outbox = outbox;
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
                () -> clients.findById(clientId).chain(existing -> existing != null ? Uni.createFrom().item(false)
                        : create(clientId, secret).replaceWith(true))));
        if (created) {
            LOG.infof("created the platform-admin client %s", clientId);
        }
    }

    private Uni<Void> create(String clientId, String secret) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Client c = new Client();
        c.clientId = clientId;
        c.name = "Platform admin";
        c.description = "Created at first start from GATEHOUSE_ADMIN_CLIENT_ID";
        c.ownerType = Client.OWNER_PLATFORM;
        c.grantTypes = GrantTypes.CLIENT_CREDENTIALS;
        c.scopes = "";
        c.tokenLifetimeSeconds = (int) config.defaultTokenLifetime().toSeconds();
        c.signingAlgorithm = config.defaultSigningAlgorithm();
        c.enabled = true;
        c.tokensValidAfter = now.truncatedTo(ChronoUnit.SECONDS);
        c.createdAt = now;
        c.createdBy = TokenService.NAME;
        c.updatedAt = now;
        c.updatedBy = TokenService.NAME;
        ClientSecret s = new ClientSecret();
        s.id = UUID.randomUUID();
        s.clientId = clientId;
        s.secretHash = hasher.hash(secret);
        s.createdAt = now;
        return clients.persist(c).chain(() -> secrets.persist(s)).chain(() -> clients.flush())
                .chain(() -> outbox.append(EventEnvelope.of(TokenEvents.CLIENT_CREATED, TokenService.NAME, null,
                        Actor.system(TokenService.NAME), clientId, new ClientCreated(clientId, c.name,
                                c.ownerType, null, c.grantTypeList(), c.scopeList(), c.tokenLifetimeSeconds,
                                c.signingAlgorithm))));
    }
}
