package dev.gatehouse.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * A PostgreSQL server for tests and the local stack: an embedded one (zonky's binaries from Maven Central) or an
 * external one given by URL and admin credentials. Service roles authenticate with passwords over TCP, as in
 * production; only the {@code postgres} superuser of an embedded server is trusted on loopback.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String database;
    private final String adminUser;
    private final String adminPassword;

    private PostgresServer(EmbeddedPostgres embedded, String host, int port, String database, String adminUser,
            String adminPassword) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.database = database;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /**
     * Starts an embedded server.
     *
     * @param dataDirectory where the cluster lives; kept across restarts. {@code null} for a throw-away one.
     * @param port          the port, or 0 for any free one
     * @param trustLoopback true for the local developer stack: every role may connect from loopback without a
     *                      password (schemas stay confined by privileges). False for tests: roles need passwords.
     */
    public static PostgresServer embedded(Path dataDirectory, int port, boolean trustLoopback) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Callers stop it themselves (in order, after Kafka and the services); a second hook of zonky's
                    // own would race them at JVM exit.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    // Durable where data is kept (zonky's default is synchronous_commit=off), fast where it is not.
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                    .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on")
                    .setDataDirectoryCustomizer(dir -> writeHba(dir, trustLoopback));
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            return new PostgresServer(pg, "127.0.0.1", pg.getPort(), "postgres", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** An external server; {@code jdbcUrl} like {@code jdbc:postgresql://host:5432/gatehouse}. */
    public static PostgresServer external(String jdbcUrl, String adminUser, String adminPassword) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        return new PostgresServer(null, uri.getHost(), port, database, adminUser, adminPassword);
    }

    private static void writeHba(java.io.File dataDirectory, boolean trustLoopback) {
        String method = trustLoopback ? "trust" : "scram-sha-256";
        String hba = """
                # Written by Gatehouse: the superuser is trusted on loopback (local tooling only);
                # service roles use %s.
                local   all   postgres                 trust
                host    all   postgres   127.0.0.1/32  trust
                host    all   all        127.0.0.1/32  %s
                host    all   all        ::1/128       %s
                """.formatted(method, method, method);
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), hba);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL form the Quarkus reactive client takes. */
    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection adminConnection() throws SQLException {
        return connect(adminUser, adminPassword);
    }

    public Connection connect(String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
