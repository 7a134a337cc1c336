package dev.gatehouse.token.account;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.AccountCreated;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.token.SignInConfig;
import dev.gatehouse.token.TokenService;
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
import java.time.temporal.ChronoUnit;

/**
 * On start, creates the first platform admin's account from {@code GATEHOUSE_ADMIN_EMAIL} and
 * {@code GATEHOUSE_ADMIN_PASSWORD} if no account has that address yet, so a fresh system has a person who can sign
 * in (the local stack generates the password and prints it once). An existing account is left alone: its password
 * is changed by its owner, not by the environment.
 */
@ApplicationScoped
public class PlatformAdminAccountBootstrap {

    private static final Logger LOG = Logger.getLogger(PlatformAdminAccountBootstrap.class);

    private final SignInConfig config;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final OutboxWriter outbox;

    public PlatformAdminAccountBootstrap(SignInConfig config, AccountRepository accounts, PasswordHasher hasher,
            PasswordPolicy policy, Clock clock, OutboxWriter outbox) {
        this.config = config;
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
        this.outbox = outbox;
    }

    void onStart(@Observes @Priority(2100) StartupEvent event) throws Throwable {
        if (config.adminEmail().isEmpty() || config.adminPassword().isEmpty()) {
            return;
        }
        String email = config.adminEmail().get().strip();
        if (email.length() > 254 || email.indexOf('@') < 1) {
            throw new IllegalStateException("GATEHOUSE_ADMIN_EMAIL must be an e-mail address");
        }
        String password = config.adminPassword().get();
        policy.refusal(password, email).ifPresent(why -> {
            throw new IllegalStateException("GATEHOUSE_ADMIN_PASSWORD cannot be used: " + why);
        });
        boolean created = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> StartupLock.acquire().chain(() -> accounts.byEmail(email)).chain(existing -> existing != null
                        ? Uni.createFrom().item(false) : create(email, password).replaceWith(true))));
        if (created) {
            LOG.infof("created the first platform admin's account for %s", email);
        }
    }

    private Uni<Void> create(String email, String password) {
        Account account = Account.create(email, "Platform admin", true, TokenService.NAME,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        account.platformAdmin = true;
        account.passwordHash = hasher.hash(password);
        return accounts.persist(account).call(() -> outbox.append(EventEnvelope.of(TokenEvents.ACCOUNT_CREATED,
                TokenService.NAME, null, Actor.system(TokenService.NAME), account.id.toString(),
                new AccountCreated(account.id, account.email, true)))).replaceWithVoid();
    }
}
