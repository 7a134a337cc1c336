package dev.gatehouse.token.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

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

    /**
     * What a sign-in attempt proved: the active account, or, for the audit trail only, which existing account a
     * failure concerned and why ({@code bad_password}, {@code disabled}). Both are empty for an unknown address.
     */
    public record Verdict(Optional<Account> account, Optional<UUID> failedAccount, String reason) {
        static Verdict unknown() {
            return new Verdict(Optional.empty(), Optional.empty(), "unknown");
        }
    }

    @WithSession
    public Uni<Verdict> verify(String email, String password) {
        if (email == null || password == null || email.length() > 254
                || password.length() > PasswordPolicy.MAX_LENGTH) {
            // Still one hash's work, so an over-long input is not a fast way to probe.
            return work.run(() -> hasher.matches("", null)).map(x -> Verdict.unknown());
        }
        return accounts.byEmail(email).chain(account -> {
            String hash = account == null ? null : account.passwordHash;
            return work.run(() -> hasher.matches(password, hash)).chain(ok -> {
                if (account == null) {
                    return Uni.createFrom().item(Verdict.unknown());
                }
                if (!ok || !account.isActive()) {
                    return Uni.createFrom().item(new Verdict(Optional.empty(), Optional.of(account.id),
                            ok ? "disabled" : "bad_password"));
                }
                Verdict signedIn = new Verdict(Optional.of(account), Optional.empty(), null);
                if (!hasher.needsRehash(hash)) {
                    return Uni.createFrom().item(signedIn);
                }
                // Hashed under weaker parameters than today's: the password is at hand, so bring it up to date.
                return work.run(() -> hasher.hash(password))
                        .chain(stronger -> Panache.withTransaction(() -> accounts.findById(account.id)
                                .invoke(a -> a.rehashed(stronger))))
                        .replaceWith(signedIn);
            });
        });
    }
}
