package dev.gatehouse.token.secondfactor;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.SecondFactorChanged;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.crypto.OpaqueTokens;
import dev.gatehouse.token.key.KeyEncryption;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A person's second factor: enrolling an authenticator (a secret shown once as a QR code, confirmed with a code),
 * ten one-use recovery codes shown once, checking a code at sign-in, and turning it off. The secret is stored
 * encrypted (AES-256-GCM under the key-encryption key, the account id as associated data); recovery codes as keyed
 * hashes (they are random, so HMAC is enough, as for client secrets).
 */
@ApplicationScoped
public class SecondFactors {

    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What enrolment shows: the secret (base32) and its key URI (for the QR code). */
    public record Enrolment(String secret, String uri) {
    }

    private final Totp totp = new Totp();
    private final KeyEncryption encryption;
    private final OpaqueTokens hashes;
    private final OutboxWriter outbox;
    private final Clock clock;

    public SecondFactors(KeyEncryption encryption, OpaqueTokens hashes, OutboxWriter outbox, Clock clock) {
        this.encryption = encryption;
        this.hashes = hashes;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Whether the account signs in with a second factor. */
    public Uni<Boolean> enabled(UUID accountId) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.find(TotpFactor.class, accountId)))
                .map(f -> f != null && f.confirmed());
    }

    /**
     * A new secret for an account without a confirmed authenticator (it replaces an unconfirmed one), to be shown
     * once; it counts only once confirmed with a code from it.
     */
    public Uni<Optional<Enrolment>> enrol(UUID accountId, String email) {
        byte[] secret = Totp.newSecret();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.find(TotpFactor.class, accountId)
                .chain(existing -> {
                    if (existing != null && existing.confirmed()) {
                        return Uni.createFrom().item(Optional.<Enrolment>empty());
                    }
                    TotpFactor f = existing != null ? existing : new TotpFactor();
                    f.accountId = accountId;
                    f.secretEnc = encryption.encrypt(aad(accountId), secret);
                    f.createdAt = now();
                    f.lastUsedStep = 0;
                    Uni<?> saved = existing != null ? s.flush() : s.persist(f);
                    return saved.replaceWith(Optional.of(new Enrolment(Totp.base32(secret),
                            Totp.uri("Gatehouse", email, secret))));
                })));
    }

    /** Confirms the pending authenticator with a code from it: the recovery codes, shown once, or empty. */
    public Uni<Optional<List<String>>> confirm(UUID accountId, String code) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.find(TotpFactor.class, accountId,
                LockModeType.PESSIMISTIC_WRITE).chain(f -> {
                    if (f == null || f.confirmed()) {
                        return Uni.createFrom().item(Optional.<List<String>>empty());
                    }
                    OptionalLong step = totp.accept(secret(f), code, clock.instant(), f.lastUsedStep);
                    if (step.isEmpty()) {
                        return Uni.createFrom().item(Optional.<List<String>>empty());
                    }
                    f.lastUsedStep = step.getAsLong();
                    f.confirmedAt = now();
                    List<String> codes = newRecoveryCodes();
                    return s.createNativeQuery("delete from recovery_code where account_id = :a")
                            .setParameter("a", accountId).executeUpdate()
                            .chain(() -> storeRecoveryCodes(s, accountId, codes))
                            .call(() -> changed(accountId, SecondFactorChanged.ENABLED))
                            .replaceWith(Optional.of(codes));
                })));
    }

    /**
     * Whether {@code code} is a right TOTP code (not used before) or an unused recovery code for the account; a
     * right one is used up in the same transaction.
     */
    public Uni<Boolean> check(UUID accountId, String code) {
        if (code == null || code.length() > 40) {
            return Uni.createFrom().item(false);
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.find(TotpFactor.class, accountId,
                LockModeType.PESSIMISTIC_WRITE).chain(f -> {
                    if (f == null || !f.confirmed()) {
                        return Uni.createFrom().item(false);
                    }
                    OptionalLong step = totp.accept(secret(f), code, clock.instant(), f.lastUsedStep);
                    if (step.isPresent()) {
                        f.lastUsedStep = step.getAsLong();
                        return Uni.createFrom().item(true);
                    }
                    return s.createNativeQuery("update recovery_code set used_at = :now where account_id = :a "
                                    + "and code_hash = :h and used_at is null")
                            .setParameter("now", now()).setParameter("a", accountId)
                            .setParameter("h", hashes.hashText(normalise(code))).executeUpdate()
                            .map(n -> n == 1);
                })));
    }

    /** Turns the second factor off (the person proved it with a code first); its recovery codes go too. */
    public Uni<Void> disable(UUID accountId) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("delete from recovery_code where account_id = :a").setParameter("a", accountId)
                .executeUpdate()
                .chain(() -> s.createNativeQuery("delete from totp_factor where account_id = :a")
                        .setParameter("a", accountId).executeUpdate())
                .call(n -> n > 0 ? changed(accountId, SecondFactorChanged.DISABLED) : Uni.createFrom().voidItem())
                .replaceWithVoid()));
    }

    /** How many recovery codes are left. */
    public Uni<Long> recoveryCodesLeft(UUID accountId) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "select count(*) from recovery_code where account_id = :a and used_at is null", Long.class)
                .setParameter("a", accountId).getSingleResult()));
    }

    private Uni<Void> storeRecoveryCodes(org.hibernate.reactive.mutiny.Mutiny.Session s, UUID accountId,
            List<String> codes) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (String code : codes) {
            chain = chain.chain(() -> s.createNativeQuery("insert into recovery_code (account_id, code_hash, "
                            + "created_at) values (:a, :h, :now)").setParameter("a", accountId)
                    .setParameter("h", hashes.hashText(code)).setParameter("now", now()).executeUpdate());
        }
        return chain.replaceWithVoid();
    }

    private Uni<Void> changed(UUID accountId, String what) {
        return outbox.append(EventEnvelope.of(TokenEvents.SECOND_FACTOR_CHANGED, TokenService.NAME, null,
                new Actor(Actor.USER, accountId.toString()), accountId.toString(),
                new SecondFactorChanged(accountId, what)));
    }

    /** Ten codes of 10 characters from an alphabet without look-alikes (about 49 bits each), as xxxxx-xxxxx. */
    private static List<String> newRecoveryCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    /** As typed: any case, with or without the dash or spaces. */
    private static String normalise(String code) {
        String plain = code.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
        return plain.length() == 10 ? plain.substring(0, 5) + "-" + plain.substring(5) : plain;
    }

    private byte[] secret(TotpFactor f) {
        return encryption.decrypt(aad(f.accountId), f.secretEnc);
    }

    private static String aad(UUID accountId) {
        return "totp:" + accountId;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The authenticator code for {@code at} (tests enrol a simulated app with it). */
    public static String codeFor(String base32Secret, Instant at) {
        return new Totp().codeAt(new org.apache.commons.codec.binary.Base32().decode(base32Secret), at);
    }
}
