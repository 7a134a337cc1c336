package dev.gatehouse.token;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** Fresh keys and platform-admin credentials for each test JVM, so no key material or secret lives in git. */
public class TokenKeysResource implements QuarkusTestResourceLifecycleManager {

    /** The first platform admin's account, created at start like the admin client. */
    public static final String ADMIN_EMAIL = "admin@gatehouse.test";

    @Override
    public Map<String, String> start() {
        return Map.of("gatehouse.token.key-encryption-key", random(32),
                "gatehouse.token.secret-hash-key", random(32),
                "gatehouse.token.issuer", dev.gatehouse.testsupport.TestTokens.ISSUER,
                "gatehouse.token.admin-client-id", "test-platform-admin",
                "gatehouse.token.admin-client-secret",
                Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(random(33))),
                "gatehouse.sign-in.admin-email", ADMIN_EMAIL,
                "gatehouse.sign-in.admin-password", random(24));
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
