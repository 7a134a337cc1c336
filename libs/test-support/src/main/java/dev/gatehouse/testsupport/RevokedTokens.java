package dev.gatehouse.testsupport;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenRevoked;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What every resource server must do with token-service's revocations ({@code token.revocation.v1}): refuse a
 * revoked token, and every token a client held before a cutoff, with 401 and {@code Bearer error="invalid_token"},
 * while other tokens keep working. Each service runs it with
 * {@code @QuarkusTest class RevokedTokenTest extends RevokedTokens} and names a path a platform admin may read.
 */
public abstract class RevokedTokens {

    /** A GET that a platform admin's token is allowed (200). */
    protected abstract String platformAdminReadablePath();

    @Test
    void aRevokedTokenIsRefusedWithInvalidTokenWhileAnotherOfTheSameClientStillWorks() {
        String clientId = "sa_" + UUID.randomUUID();
        String token = TestTokens.platformAdmin().client(clientId).sign();
        String other = TestTokens.platformAdmin().client(clientId).sign();
        given().auth().oauth2(token).get(platformAdminReadablePath()).then().statusCode(200);

        publish(TokenRevoked.one(clientId, TestTokens.jtiOf(token), "revoked_by_client", null,
                Instant.now().plusSeconds(3600)));

        await().atMost(10, TimeUnit.SECONDS).until(() ->
                given().auth().oauth2(token).get(platformAdminReadablePath()).statusCode() == 401);
        given().auth().oauth2(token).get(platformAdminReadablePath()).then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""))
                .contentType("application/problem+json").body("status", equalTo(401));
        given().auth().oauth2(other).get(platformAdminReadablePath()).then().statusCode(200);
    }

    @Test
    void everyTokenAClientHeldBeforeItsCutoffIsRefused() {
        String clientId = "sa_" + UUID.randomUUID();
        String first = TestTokens.platformAdmin().client(clientId).sign();
        String second = TestTokens.platformAdmin().client(clientId).sign();
        String unrelated = TestTokens.platformAdmin().client("sa_" + UUID.randomUUID()).sign();
        given().auth().oauth2(first).get(platformAdminReadablePath()).then().statusCode(200);

        // As token-service announces a disable, delete, revoke-all or regenerate: the next whole second.
        publish(TokenRevoked.allBefore(clientId, Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1),
                "client_disabled", null));

        await().atMost(10, TimeUnit.SECONDS).until(() ->
                given().auth().oauth2(first).get(platformAdminReadablePath()).statusCode() == 401);
        given().auth().oauth2(second).get(platformAdminReadablePath()).then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""));
        given().auth().oauth2(unrelated).get(platformAdminReadablePath()).then().statusCode(200);
    }

    @Test
    void noTokenAtAllGetsABareChallenge() {
        given().get(platformAdminReadablePath()).then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    private static void publish(TokenRevoked revoked) {
        EventSender.send(TestInfrastructure.get().kafka().bootstrapServers(), Topics.TOKEN_REVOCATION,
                EventEnvelope.of(TokenEvents.TOKEN_REVOKED, "token-service", revoked.companyId(),
                        Actor.system("token-service"), revoked.clientId(), revoked));
    }
}
