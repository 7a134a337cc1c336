package dev.gatehouse.token.account;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Checks an e-mail address and password. An unknown address, an account without a password yet, a disabled
 * account and a wrong password all get the same empty answer after the same Argon2id work, so the answer does not
 * tell whether an address has an account (the decoy hash in {@link PasswordHasher}).
 */
@ApplicationScoped
public class Credentials {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final PasswordWork work;

    public Credentials(AccountRepository accounts, PasswordHasher hasher, PasswordWork work) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.work = work;
    }

    /** The active account these credentials prove, if they prove one. */
    @WithSession
    public Uni<Optional<Account>> verify(String email, String password) {
        if (email == null || password == null || email.length() > 254 || password.length() > PasswordPolicy.MAX_LENGTH) {
            // Still one hash's work, so an over-long input is not a fast way to probe.
            return work.run(() -> hasher.matches("", null)).map(x -> Optional.empty());
        }
        return accounts.byEmail(email).chain(account -> {
            String hash = account == null ? null : account.passwordHash;
            return work.run(() -> hasher.matches(password, hash))
                    .map(ok -> ok && account.isActive() ? Optional.of(account) : Optional.<Account>empty());
        });
    }
}
