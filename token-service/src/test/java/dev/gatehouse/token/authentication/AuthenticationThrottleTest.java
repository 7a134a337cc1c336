package dev.gatehouse.token.authentication;

import dev.gatehouse.token.ServiceAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Failed client authentications are throttled per address and per client, without locking the real client out.
 * Source addresses come from X-Forwarded-For, trusted from loopback as behind a proxy.
 */
@QuarkusTest
@TestProfile(AuthenticationThrottleTest.SmallBudgets.class)
class AuthenticationThrottleTest {

    /** 3 failures per address (one back every ~7 s), 5 per client (one back every 4 s): slack for slow machines. */
    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.token.throttle.address-failures", "3",
                    "gatehouse.token.throttle.client-failures", "5",
                    "gatehouse.token.throttle.window", "20s",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    private ServiceAccounts.Created sa;

    @BeforeEach
    void client() {
        sa = ServiceAccounts.in(UUID.randomUUID()).create();
    }

    @Test
    void anAddressThatKeepsFailingWaitsThenGetsThroughAgain() throws Exception {
        String attacker = "203.0.113.10";
        for (int i = 0; i < 3; i++) {
            grant(attacker, sa.secret() + "wrong").then().statusCode(401);
        }
        Response refused = grant(attacker, sa.secret());
        refused.then().statusCode(429).header("Cache-Control", "no-store")
                .body("error", equalTo("slow_down"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 7);

        grant("203.0.113.11", sa.secret()).then().statusCode(200);

        Thread.sleep(retryAfter * 1000L);
        grant(attacker, sa.secret()).then().statusCode(200);
    }

    @Test
    void aClientUnderAttackStillWorksFromWhereItAuthenticatedBefore() {
        String home = "198.51.100.7";
        grant(home, sa.secret()).then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            grant("192.0.2." + (20 + i), "gatehouse_cs_guess" + i).then().statusCode(401);
        }
        // the client's budget is spent: a stranger is refused even with the right secret...
        grant("198.51.100.99", sa.secret()).then().statusCode(429).body("error", equalTo("slow_down"));
        // ...but the client itself, from where it worked before, is not locked out
        grant(home, sa.secret()).then().statusCode(200);
    }

    private Response grant(String address, String secret) {
        return given().header("X-Forwarded-For", address).auth().preemptive().basic(sa.clientId(), secret)
                .formParam("grant_type", "client_credentials").post("/oauth2/token");
    }
}
