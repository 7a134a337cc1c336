package dev.gatehouse.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PostgreSQL server and Kafka broker the tests of one JVM share, started on first use and stopped when the JVM
 * ends. Embedded by default; these environment variables switch to external ones:
 * <ul>
 *   <li>{@code GATEHOUSE_TEST_DB_URL} ({@code jdbc:postgresql://host:port/db}), {@code GATEHOUSE_TEST_DB_ADMIN_USER},
 *       {@code GATEHOUSE_TEST_DB_ADMIN_PASSWORD}: a server where the admin may create roles and schemas;</li>
 *   <li>{@code GATEHOUSE_TEST_KAFKA_BOOTSTRAP}: an external cluster's bootstrap servers.</li>
 * </ul>
 */
public final class TestInfrastructure {

    private static volatile TestInfrastructure instance;

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private volatile MailServer mail;

    private TestInfrastructure(PostgresServer postgres, KafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static TestInfrastructure get() {
        if (instance == null) {
            synchronized (TestInfrastructure.class) {
                if (instance == null) {
                    instance = start();
                }
            }
        }
        return instance;
    }

    private static TestInfrastructure start() {
        String dbUrl = System.getenv("GATEHOUSE_TEST_DB_URL");
        PostgresServer postgres = dbUrl == null || dbUrl.isBlank()
                ? PostgresServer.embedded(null, 0, false)
                : PostgresServer.external(dbUrl, env("GATEHOUSE_TEST_DB_ADMIN_USER", "postgres"),
                        env("GATEHOUSE_TEST_DB_ADMIN_PASSWORD", ""));
        String bootstrap = System.getenv("GATEHOUSE_TEST_KAFKA_BOOTSTRAP");
        KafkaBroker kafka = bootstrap == null || bootstrap.isBlank()
                ? KafkaBroker.inProcess()
                : KafkaBroker.external(bootstrap);
        TestInfrastructure infra = new TestInfrastructure(postgres, kafka);
        Runtime.getRuntime().addShutdownHook(new Thread(infra::stop, "gatehouse-test-infrastructure-stop"));
        return infra;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The SMTP server, started on first use (only services that send mail need it). */
    public synchronized MailServer mail() {
        if (mail == null) {
            mail = MailServer.start();
        }
        return mail;
    }

    /** Creates (once per JVM) the service's role and schema, with a fresh random password, and returns it. */
    public String provisionRole(String role) {
        return passwords.computeIfAbsent(role, r -> {
            String password = HexFormat.of().formatHex(randomBytes(24));
            try (Connection admin = postgres.adminConnection()) {
                ServiceSchemas.provision(admin, postgres.database(), r, password);
            } catch (SQLException e) {
                throw new IllegalStateException("could not provision role " + r, e);
            }
            return password;
        });
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /**
     * At JVM exit: PostgreSQL first (quick, and no server may be left running), then Kafka, waited for at most
     * 20 s. The test kit's close can hang while the JVM shuts down; once this hook returns the JVM exits anyway,
     * so a stuck broker thread cannot hold the test JVM, and the build, hostage.
     */
    private void stop() {
        if (mail != null) {
            mail.close();
        }
        try {
            postgres.close();
        } catch (Exception e) {
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        Thread kafkaStop = new Thread(() -> {
            try {
                kafka.close();
            } catch (Exception e) {
                System.err.println("in-process Kafka did not stop cleanly: " + e.getMessage());
            }
        }, "gatehouse-test-kafka-stop");
        kafkaStop.setDaemon(true);
        kafkaStop.start();
        try {
            kafkaStop.join(20_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
