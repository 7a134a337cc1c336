package dev.gatehouse.apps.manifest;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.usage.ApiUsageRecorded;
import dev.gatehouse.events.usage.UsageEvents;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.TestTokens;
import dev.gatehouse.usage.UsageFlush;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route that never asks who is calling (the public manifest schema) still has an app's calls with a token counted:
 * there the usage filter resolves the token itself, where other routes hand it the caller they already checked
 * (libs/usage, {@code UsageFilter}). A call without a token and one with a token that does not verify are answered
 * alike and counted for nobody.
 */
@QuarkusTest
class PublicRouteUsageTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    UsageFlush flush;

    @Test
    void anAppsCallsToAPublicRouteAreCountedUnderItsClient() throws Throwable {
        UUID company = UUID.randomUUID();
        String token = TestTokens.app(company, UUID.randomUUID()).sign();
        String clientId = TestTokens.claimOf(token, "client_id");
        String forged = TestTokens.app(company, UUID.randomUUID()).signWithUnknownKey();
        // Out with what earlier tests counted, so the flush below carries this test's calls.
        VertxContextSupport.subscribeAndAwait(flush::flush);

        try (EventProbe probe = EventProbe.on(bootstrap, Topics.AUDIT_USAGE)) {
            given().auth().oauth2(token).get("/manifest-schema").then().statusCode(200);
            given().auth().oauth2(token).get("/manifest-schema").then().statusCode(200);
            given().get("/manifest-schema").then().statusCode(200);
            given().auth().oauth2(forged).get("/manifest-schema").then().statusCode(200);
            VertxContextSupport.subscribeAndAwait(flush::flush);

            List<ApiUsageRecorded.Calls> calls = probe.await(e -> e.eventType().equals("ApiUsageRecorded")
                            && payload(e).calls().stream().anyMatch(c -> clientId.equals(c.clientId())), 1,
                    Duration.ofSeconds(20)).stream().flatMap(e -> payload(e).calls().stream())
                    .filter(c -> "/manifest-schema".equals(c.route())).toList();
            assertThat(calls).as("only the calls with the app's good token, under its client and company")
                    .allSatisfy(c -> {
                        assertThat(c.clientId()).isEqualTo(clientId);
                        assertThat(c.companyId()).isEqualTo(company);
                        assertThat(c.method()).isEqualTo("GET");
                        assertThat(c.status()).isEqualTo(200);
                    });
            assertThat(calls.stream().mapToInt(ApiUsageRecorded.Calls::count).sum()).isEqualTo(2);
        }
    }

    private static ApiUsageRecorded payload(EventEnvelope e) {
        return e.payloadAs(UsageEvents.API_USAGE_RECORDED);
    }
}
