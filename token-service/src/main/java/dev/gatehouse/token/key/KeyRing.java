package dev.gatehouse.token.key;

import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signing keys in memory, so issuing and verifying tokens never waits for the database: the active key per
 * algorithm (decrypted) and the public keys that still verify (active and previous). Replaced as a whole on each
 * reload.
 */
@ApplicationScoped
public class KeyRing {

    /** A key that signs new tokens. */
    public record ActiveKey(String kid, String algorithm, PrivateKey privateKey) {
    }

    private record Snapshot(Map<String, ActiveKey> active, Map<String, PublicJsonWebKey> verifying, String jwks) {
    }

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), "{\"keys\":[]}");

    void load(List<ActiveKey> active, List<PublicJsonWebKey> verifying) {
        Map<String, ActiveKey> byAlgorithm = new HashMap<>();
        active.forEach(k -> byAlgorithm.put(k.algorithm(), k));
        Map<String, PublicJsonWebKey> byKid = new HashMap<>();
        verifying.forEach(k -> byKid.put(k.getKeyId(), k));
        snapshot = new Snapshot(Map.copyOf(byAlgorithm), Map.copyOf(byKid),
                new JsonWebKeySet(new ArrayList<JsonWebKey>(verifying)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    public ActiveKey active(String algorithm) {
        ActiveKey key = snapshot.active().get(algorithm);
        if (key == null) {
            throw new IllegalStateException("no active " + algorithm + " signing key loaded");
        }
        return key;
    }

    /** The public key for {@code kid} if it still verifies (active or previous); empty for retired or unknown. */
    public Optional<PublicKey> verificationKey(String kid) {
        PublicJsonWebKey jwk = snapshot.verifying().get(kid);
        return jwk == null ? Optional.empty() : Optional.of(jwk.getPublicKey());
    }

    /** The JWK Set document (RFC 7517 §5) of every key that still verifies. */
    public String jwks() {
        return snapshot.jwks();
    }

    static PublicJsonWebKey parse(String json) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(json);
        } catch (JoseException e) {
            throw new IllegalStateException("stored public JWK is unreadable", e);
        }
    }
}
