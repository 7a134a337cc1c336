package dev.gatehouse.local;

import dev.gatehouse.testsupport.PostgresServer;
import dev.gatehouse.testsupport.ServiceSchemas;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Runs the local stack's PostgreSQL, or prepares an external one, with one role and schema per service. */
final class PostgresCommand {

    private PostgresCommand() {
    }

    /** Embedded PostgreSQL in {@code --data}, until this process is told to stop; data survives restarts. */
    static int run(Map<String, String> options) throws Exception {
        Path data = Path.of(Launcher.require(options, "data"));
        int port = Integer.parseInt(options.getOrDefault("port", "5432"));
        PostgresServer server = PostgresServer.embedded(data, port, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "postgres-stop"));
        try (Connection admin = server.adminConnection()) {
            // Loopback is trusted in the local stack, so these passwords are never asked for; a fresh random one
            // each start keeps a password from ever being a fixed, guessable value.
            for (String role : ServiceSchemas.ROLES) {
                ServiceSchemas.provision(admin, server.database(), role, randomPassword());
            }
        }
        System.out.println("PostgreSQL ready on 127.0.0.1:" + server.port() + " (data in " + data + ")");
        stopped.await();
        return 0;
    }

    /**
     * Creates the roles and schemas on an external server. Each role's password comes from
     * {@code GATEHOUSE_DB_PASSWORD_<ROLE>} (e.g. GATEHOUSE_DB_PASSWORD_TOKEN); the admin's from
     * {@code GATEHOUSE_DB_ADMIN_PASSWORD}.
     */
    static int provisionExternal(Map<String, String> options) throws Exception {
        String url = Launcher.require(options, "jdbc-url");
        String adminUser = options.getOrDefault("admin-user", "postgres");
        PostgresServer server = PostgresServer.external(url, adminUser, env("GATEHOUSE_DB_ADMIN_PASSWORD"));
        try (Connection admin = server.adminConnection()) {
            for (String role : ServiceSchemas.ROLES) {
                String password = env("GATEHOUSE_DB_PASSWORD_" + role.toUpperCase(Locale.ROOT));
                if (password.isEmpty()) {
                    System.err.println("set GATEHOUSE_DB_PASSWORD_" + role.toUpperCase(Locale.ROOT));
                    return 2;
                }
                ServiceSchemas.provision(admin, server.database(), role, password);
                System.out.println("provisioned role and schema " + role);
            }
        }
        return 0;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
