package dev.gatehouse.token.account;

import jakarta.enterprise.context.ApplicationScoped;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes (RFC 9106) with OWASP's first recommended parameters: 19 MiB of memory, 2 iterations,
 * parallelism 1; 16-byte random salt, 32-byte hash. Spring Security's {@code Argon2PasswordEncoder} (on
 * BouncyCastle's Argon2 implementation) does the work and writes the PHC string form, which records the
 * parameters, so they can be raised later and old hashes still verify ({@link #needsRehash}).
 */
@ApplicationScoped
public class PasswordHasher {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final int PARALLELISM = 1;
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM,
            MEMORY_KIB, ITERATIONS);
    /** Checked against when the account is unknown or has no password, so those cost what a wrong password costs. */
    private final String decoy = encoder.encode("decoy password that matches nothing");

    public String hash(CharSequence password) {
        return encoder.encode(password);
    }

    /** Whether {@code password} matches {@code hash}; a null hash is checked against a decoy and never matches. */
    public boolean matches(CharSequence password, String hash) {
        boolean match = encoder.matches(password, hash == null ? decoy : hash);
        return hash != null && match;
    }

    /** Whether the hash was made with weaker parameters than today's; a successful sign-in then replaces it. */
    public boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }
}
