package dev.gatehouse.token;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** Fresh key-encryption and secret-hash keys for each test JVM, so no key material lives in git. */
public class TokenKeysResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("gatehouse.token.key-encryption-key", random(32),
                "gatehouse.token.secret-hash-key", random(32),
                "gatehouse.token.issuer", dev.gatehouse.testsupport.TestTokens.ISSUER);
    }

    private static String random(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void stop() {
    }
}
