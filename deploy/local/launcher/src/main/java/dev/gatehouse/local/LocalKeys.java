package dev.gatehouse.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The local stack's secrets, made once and kept (mode 600) in the data folder: token-service's key-encryption and
 * secret-hash keys, the platform-admin client's credentials, and the first platform admin's sign-in (unless given
 * by environment).
 */
final class LocalKeys {

    static final List<String> TOKEN_SERVICE_KEYS = List.of("token-key-encryption-key.b64", "token-secret-hash-key.b64");
    static final String ADMIN_CLIENT = "admin-client.env";
    static final String ADMIN_ACCOUNT = "admin-account.env";
    static final String ADMIN_EMAIL = "admin@gatehouse.local";

    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalKeys() {
    }

    /**
     * Creates what is missing; prints "admin-client-created" and "admin-account-created" when the admin client's
     * or the first platform admin's credentials were made just now.
     */
    static int keygen(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : TOKEN_SERVICE_KEYS) {
            writeOnce(dir.resolve(name), Base64.getEncoder().encodeToString(random(32)));
        }
        Path admin = dir.resolve(ADMIN_CLIENT);
        if (!Files.exists(admin)) {
            // base64url: only URL-unreserved characters, as token-service requires of the admin secret
            writeOnce(admin, "GATEHOUSE_ADMIN_CLIENT_ID=gatehouse-platform-admin\n"
                    + "GATEHOUSE_ADMIN_CLIENT_SECRET=gatehouse_cs_"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(random(32)) + "\n");
            System.out.println("admin-client-created");
        }
        Path account = dir.resolve(ADMIN_ACCOUNT);
        if (!Files.exists(account)) {
            // 144 random bits, base64url: long enough for the password rules and easy to paste into a form
            writeOnce(account, "GATEHOUSE_ADMIN_EMAIL=" + ADMIN_EMAIL + "\n"
                    + "GATEHOUSE_ADMIN_PASSWORD=" + Base64.getUrlEncoder().withoutPadding().encodeToString(random(18))
                    + "\n");
            System.out.println("admin-account-created");
        }
        return 0;
    }

    /** The {@code NAME=value} lines of a keys file. */
    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return values;
    }

    static void writeOnce(Path file, String content) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
