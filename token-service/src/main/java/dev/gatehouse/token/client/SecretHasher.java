package dev.gatehouse.token.client;

import dev.gatehouse.token.TokenConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Makes client secrets and checks them. A secret is {@value #PREFIX} followed by 256 random bits (base64url), so
 * a secret scanner can recognise a leaked one. Only HMAC-SHA256(server key, secret) is stored: the secret's own
 * entropy makes brute force hopeless, so a slow password hash would add ~100 ms of CPU per grant and no safety;
 * the server key means a stolen table alone cannot even confirm a guess (docs/security.md). Comparison is
 * constant-time.
 */
@ApplicationScoped
public class SecretHasher {

    public static final String PREFIX = "gatehouse_cs_";
    private static final int SECRET_BYTES = 32;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    /** Compared against when the client is unknown, so unknown and wrong take the same work. */
    private final byte[] decoy;

    public SecretHasher(TokenConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.secretHashKey().strip());
        if (raw.length < 32) {
            throw new IllegalStateException("gatehouse.token.secret-hash-key must be at least 32 bytes, base64");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
        this.decoy = hash(newSecret());
    }

    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public byte[] hash(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret among {@code candidates} that {@code presented} matches, or null. Every candidate is compared. */
    public RegisteredClient.Secret match(String presented, List<RegisteredClient.Secret> candidates) {
        byte[] hash = hash(presented);
        RegisteredClient.Secret found = null;
        boolean any = false;
        for (RegisteredClient.Secret candidate : candidates) {
            any = true;
            if (MessageDigest.isEqual(hash, candidate.hash()) && found == null) {
                found = candidate;
            }
        }
        if (!any) {
            MessageDigest.isEqual(hash, decoy);
        }
        return found;
    }
}
