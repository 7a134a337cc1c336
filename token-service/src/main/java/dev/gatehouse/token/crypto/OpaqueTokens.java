package dev.gatehouse.token.crypto;

import dev.gatehouse.token.TokenConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random bearer values that only their holder knows (client secrets, session cookies, authorization codes,
 * refresh tokens) and the one way they are stored: HMAC-SHA256 under the server's secret-hash key. Each value
 * carries 256 random bits, so a fast keyed hash is enough (a slow one would only cost CPU per request), and the
 * key means a stolen table alone cannot even confirm a guess. Each kind has its own prefix, so a secret scanner
 * can recognise a leaked one and one kind can never be taken for another.
 */
@ApplicationScoped
public class OpaqueTokens {

    private static final int RANDOM_BYTES = 32;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public OpaqueTokens(TokenConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.secretHashKey().strip());
        if (raw.length < 32) {
            throw new IllegalStateException("gatehouse.token.secret-hash-key must be at least 32 bytes, base64");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    /** {@code prefix} and 256 random bits, base64url: safe in a URL, a form, a cookie and a header. */
    public String newValue(String prefix) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hash as base64url text, for tables that look values up by it. */
    public String hashText(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash(value));
    }

    public byte[] hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
