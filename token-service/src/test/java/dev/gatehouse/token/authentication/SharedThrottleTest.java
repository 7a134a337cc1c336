package dev.gatehouse.token.authentication;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.token.ServiceAccounts;
import dev.gatehouse.token.change.ChangeFeed;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Several token-service replicas share one throttle budget: failures another replica saw drain this one's buckets,
 * and the failures this one sees are told to the others, over the PostgreSQL notifications every replica listens
 * to. Here the other replica is played with plain SQL, as it would send and listen.
 */
@QuarkusTest
@TestProfile(AuthenticationThrottleTest.SmallBudgets.class)
class SharedThrottleTest {

    private static final Duration SOON = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChangeFeed feed;

    private ServiceAccounts.Created sa;

    @BeforeEach
    void client() {
        sa = ServiceAccounts.in(UUID.randomUUID()).create();
        await().atMost(SOON).until(feed::isLive);
    }

    @Test
    void failuresAnotherReplicaSawSpendThisReplicasBudget() throws Exception {
        String attacker = "203.0.113.40";
        grant("203.0.113.41", sa.secret()).then().statusCode(200);

        // The address budget is 3: another replica saw all three failures, this one none.
        Map<String, String> failure = Map.of("throttle", "client-authentication", "what", "f",
                "subject", sa.clientId(), "address", attacker);
        notifyAsAnotherReplica(Map.of("replica", "another-replica", "news", List.of(failure, failure, failure)));

        await().atMost(SOON).untilAsserted(() -> grant(attacker, sa.secret()).then().statusCode(429)
                .body("error", equalTo("slow_down")));
        grant("203.0.113.42", sa.secret()).then().statusCode(200);
    }

    @Test
    void failuresSeenHereAreToldToTheOtherReplicas() throws Exception {
        String attacker = "203.0.113.50";
        try (Connection listening = dataSource.getConnection(); Statement st = listening.createStatement()) {
            st.execute("LISTEN " + ChangeFeed.CHANNEL);

            grant(attacker, sa.secret() + "wrong").then().statusCode(401);

            List<String> heard = new ArrayList<>();
            long deadline = System.nanoTime() + SOON.toNanos();
            while (System.nanoTime() < deadline && heard.stream().noneMatch(p -> p.contains(attacker))) {
                PGNotification[] notifications = listening.unwrap(PGConnection.class).getNotifications(200);
                for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
                    if (n.getParameter().startsWith("throttle:")) {
                        heard.add(n.getParameter().substring("throttle:".length()));
                    }
                }
            }
            String told = heard.stream().filter(p -> p.contains(attacker)).findFirst().orElseThrow(
                    () -> new AssertionError("no throttle notification about " + attacker + " within " + SOON));
            assertThat(JSON.readTree(told).path("news").findValuesAsText("address")).contains(attacker);
            assertThat(JSON.readTree(told).path("news").get(0).path("subject").asText()).isEqualTo(sa.clientId());
            assertThat(told).as("never the secret that was tried").doesNotContain(sa.secret());
        }
    }

    private void notifyAsAnotherReplica(Map<String, Object> batch) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select pg_notify(?, ?)")) {
            st.setString(1, ChangeFeed.CHANNEL);
            st.setString(2, "throttle:" + JSON.writeValueAsString(batch));
            st.execute();
        }
    }

    private Response grant(String address, String secret) {
        return given().header("X-Forwarded-For", address).auth().preemptive().basic(sa.clientId(), secret)
                .formParam("grant_type", "client_credentials").post("/oauth2/token");
    }
}
