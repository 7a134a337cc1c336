package dev.gatehouse.outbox;

import dev.gatehouse.testsupport.TestInfrastructure;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** A role of its own on the test PostgreSQL with the outbox and inbox tables, reached through a reactive pool. */
final class OutboxSchema {

    private OutboxSchema() {
    }

    static Pool pool(Vertx vertx, String role) throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        String password = infra.provisionRole(role);
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4))
                .connectingTo(PgConnectOptions.fromUri(infra.postgres().reactiveUrl()).setUser(role)
                        .setPassword(password))
                .using(vertx).build();
        try (InputStream in = OutboxRelay.class.getResourceAsStream(
                "/db/gatehouse/R__gatehouse_outbox_and_inbox.sql")) {
            pool.query(new String(in.readAllBytes(), StandardCharsets.UTF_8)).execute()
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        return pool;
    }
}
