package dev.gatehouse.token;

import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.account.AccountRepository;
import dev.gatehouse.token.account.PasswordHasher;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

import java.time.Instant;
import java.util.UUID;

/**
 * People's accounts for tests. Invitations (how people arrive) are not built yet, so a test makes the account
 * directly, with the service's own hasher, as an invitation's acceptance will.
 */
public final class Accounts {

    public static final String PASSWORD = "a long and uncommon test passphrase";

    private Accounts() {
    }

    public record Person(UUID id, String email) {
    }

    public static Person create() {
        String email = "person-" + UUID.randomUUID() + "@gatehouse.test";
        Account account = Account.create(email, "Test Person", true, "test", Instant.now());
        account.passwordHash = Arc.container().instance(PasswordHasher.class).get().hash(PASSWORD);
        AccountRepository accounts = Arc.container().instance(AccountRepository.class).get();
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> accounts.persist(account)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return new Person(account.id, email);
    }
}
