package dev.gatehouse.token.change;

import dev.gatehouse.token.ServiceAccounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The OAuth endpoints answer from memory; these tests change the database the way another replica would (plain
 * SQL, nothing this replica's code sees) and check that this replica follows within moments, also when the
 * change-notification connection is cut in between.
 */
@QuarkusTest
class ChangesFromOtherReplicasTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChangeFeed feed;

    private ServiceAccounts.Created client;
    private ServiceAccounts.Created resourceServer;

    @BeforeEach
    void clients() {
        UUID company = UUID.randomUUID();
        client = ServiceAccounts.in(company).create();
        resourceServer = ServiceAccounts.in(company).resourceServer();
        await().atMost(SOON).until(feed::isLive);
    }

    @Test
    void aClientDisabledElsewhereStopsGettingTokens() throws Exception {
        grant().statusCode(200);
        grant().statusCode(200);

        sql("update client set enabled = false where client_id = ?", client.clientId());

        await().atMost(SOON).untilAsserted(() -> grant().statusCode(401).body("error", equalTo("invalid_client")));
    }

    @Test
    void aSecretRevokedElsewhereStopsWorking() throws Exception {
        grant().statusCode(200);

        sql("delete from client_secret where client_id = ?", client.clientId());

        await().atMost(SOON).untilAsserted(() -> grant().statusCode(401).body("error", equalTo("invalid_client")));
    }

    @Test
    void aTokenRevokedElsewhereIntrospectsInactive() throws Exception {
        String token = grant().statusCode(200).extract().path("access_token");
        String jti = introspect(token).body("active", equalTo(true)).extract().path("jti");

        sql("insert into revoked_token (jti, client_id, expires_at) values (?, ?, now() + interval '1 hour')",
                jti, client.clientId());

        await().atMost(SOON).untilAsserted(() -> introspect(token).body("active", equalTo(false)));
    }

    @Test
    void changesMadeWhileTheFeedWasCutAreNotMissed() throws Exception {
        grant().statusCode(200);
        String token = grant().statusCode(200).extract().path("access_token");
        introspect(token).body("active", equalTo(true));

        assertThat(terminateListener()).isTrue();
        sql("update client set enabled = false where client_id = ?", client.clientId());

        await().atMost(SOON).untilAsserted(() -> grant().statusCode(401));
        introspect(token).body("active", equalTo(false));
        await().atMost(SOON).until(feed::isLive);

        // And once the feed is back, announcements work again.
        sql("update client set enabled = true where client_id = ?", client.clientId());
        await().atMost(SOON).untilAsserted(() -> grant().statusCode(200));
        introspect(token).body("active", equalTo(true));
    }

    @Test
    void aFeedThatGoesSilentlyDeafIsCaughtByItsHeartbeatAndMissesNothing() throws Exception {
        String token = grant().statusCode(200).extract().path("access_token");
        String jti = introspect(token).body("active", equalTo(true)).extract().path("jti");

        // The listening connection stays open but hears nothing more, as after a silent network fault.
        feed.deafen().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        sql("insert into revoked_token (jti, client_id, expires_at) values (?, ?, now() + interval '1 hour')",
                jti, client.clientId());

        await().atMost(SOON).untilAsserted(() -> introspect(token).body("active", equalTo(false)));
        await().atMost(SOON).until(feed::isLive);
    }

    private ValidatableResponse grant() {
        return given().auth().preemptive().basic(client.clientId(), client.secret())
                .formParam("grant_type", "client_credentials").post("/oauth2/token").then();
    }

    private ValidatableResponse introspect(String token) {
        return given().auth().preemptive().basic(resourceServer.clientId(), resourceServer.secret())
                .formParam("token", token).post("/oauth2/introspect").then().statusCode(200);
    }

    /** Cuts the LISTEN connection from the server side, as a database restart or a network fault would. */
    private boolean terminateListener() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select bool_or(pg_terminate_backend(pid)) from pg_stat_activity where query = ?")) {
            st.setString(1, "LISTEN " + ChangeFeed.CHANNEL);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void sql(String statement, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            assertThat(st.executeUpdate()).isPositive();
        }
    }
}
