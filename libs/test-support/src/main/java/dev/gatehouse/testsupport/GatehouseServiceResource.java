package dev.gatehouse.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} service at the shared real infrastructure: its own database role and schema on the
 * test PostgreSQL, the test Kafka broker, and the test token issuer. Init arg {@code role}: the service's role.
 */
public class GatehouseServiceResource implements QuarkusTestResourceLifecycleManager {

    private String role;

    @Override
    public void init(Map<String, String> initArgs) {
        role = initArgs.get("role");
        if (role == null) {
            throw new IllegalArgumentException("GatehouseServiceResource needs the init arg 'role'");
        }
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        PostgresServer pg = infra.postgres();
        Map<String, String> config = new HashMap<>();
        // Every role exists, so tests can prove one service's role is refused on another's schema.
        for (String other : ServiceSchemas.ROLES) {
            config.put("gatehouse.test.role-password." + other, infra.provisionRole(other));
        }
        config.put("quarkus.datasource.username", role);
        config.put("quarkus.datasource.password", infra.provisionRole(role));
        config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl());
        config.put("quarkus.datasource.reactive.url", pg.reactiveUrl());
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("quarkus.oidc.public-key", TestTokens.publicKey());
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        config.put("quarkus.oidc.token.audience", TestTokens.AUDIENCE);
        if ("token".equals(role)) {
            // token-service e-mails invitations: to a real SMTP server the tests can read.
            config.put("quarkus.mailer.host", infra.mail().host());
            config.put("quarkus.mailer.port", String.valueOf(infra.mail().port()));
        }
        return config;
    }

    @Override
    public void stop() {
        // the infrastructure is shared by every test of this JVM and stops with it
    }
}
