package dev.gatehouse.token.client;

import dev.gatehouse.token.crypto.OpaqueTokens;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
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

    private final OpaqueTokens tokens;
    /** Compared against when the client is unknown, so unknown and wrong take the same work. */
    private final byte[] decoy;

    public SecretHasher(OpaqueTokens tokens) {
        this.tokens = tokens;
        this.decoy = hash(newSecret());
    }

    public String newSecret() {
        return tokens.newValue(PREFIX);
    }

    public byte[] hash(String secret) {
        return tokens.hash(secret);
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
