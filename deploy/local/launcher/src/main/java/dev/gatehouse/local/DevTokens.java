package dev.gatehouse.local;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local stack's interim token issuer: a key pair kept in the data folder, and bearer tokens signed with it
 * carrying the claims of docs/security.md. Replaced by token-service's own issuer (issue: token-service).
 */
final class DevTokens {

    static final String PRIVATE_KEY = "jwt-signing-key.pk8.b64";
    static final String PUBLIC_KEY = "jwt-verification-key.b64";
    /** token-service's at-rest key for signing keys, and its HMAC key for client secrets. */
    static final List<String> TOKEN_SERVICE_KEYS = List.of("token-key-encryption-key.b64", "token-secret-hash-key.b64");

    private DevTokens() {
    }

    static int keygen(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (String name : TOKEN_SERVICE_KEYS) {
            writeRandomKeyOnce(dir.resolve(name));
        }
        Path privateKey = dir.resolve(PRIVATE_KEY);
        if (Files.exists(privateKey)) {
            return 0;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Files.writeString(privateKey, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve(PUBLIC_KEY), Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        return 0;
    }

    private static void writeRandomKeyOnce(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    static int token(Map<String, String> options) throws Exception {
        Path dir = Path.of(Launcher.require(options, "dir"));
        String role = Launcher.require(options, "role");
        System.out.println(sign(dir, role, options.get("company"), options.getOrDefault("subject", "local-" + role),
                Long.parseLong(options.getOrDefault("ttl", "3600"))));
        return 0;
    }

    static String sign(Path dir, String role, String companyId, String subject, long ttlSeconds) throws Exception {
        Instant now = Instant.now();
        String issuer = System.getenv().getOrDefault("GATEHOUSE_ISSUER", "http://localhost:8083");
        JwtClaimsBuilder claims = Jwt.issuer(issuer).subject(subject).audience("gatehouse")
                .issuedAt(now.getEpochSecond()).expiresAt(now.getEpochSecond() + ttlSeconds)
                .claim("jti", UUID.randomUUID().toString()).claim("roles", List.of(role));
        if (companyId != null) {
            claims.claim("company_id", companyId);
        }
        return claims.jws().keyId("local-dev").sign(privateKey(dir));
    }

    private static PrivateKey privateKey(Path dir) throws IOException, java.security.GeneralSecurityException {
        byte[] der = Base64.getDecoder().decode(Files.readString(dir.resolve(PRIVATE_KEY)).strip());
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
