package dev.gatehouse.token.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.KafkaBroker;
import dev.gatehouse.testsupport.TestInfrastructure;
import dev.gatehouse.token.ServiceAccounts;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 3: a Kafka outage neither stops token issuance nor loses a TokenIssued event. */
@QuarkusTest
class KafkaOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void tokensAreIssuedWhileKafkaIsDownAndTheirEventsArriveOnceItIsBack() throws Exception {
        KafkaBroker kafka = TestInfrastructure.get().kafka();
        assumeTrue(kafka.canRestart(), "an external broker (GATEHOUSE_TEST_KAFKA_BOOTSTRAP) cannot be stopped by a test");
        ServiceAccounts.Created client = ServiceAccounts.in(UUID.randomUUID()).create();

        List<String> jtis = new ArrayList<>();
        kafka.stopBroker();
        try {
            for (int i = 0; i < 3; i++) {
                String token = given().auth().preemptive().basic(client.clientId(), client.secret())
                        .formParam("grant_type", "client_credentials").post("/oauth2/token")
                        .then().statusCode(200).extract().path("access_token");
                jtis.add(JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("jti").asText());
            }
        } finally {
            kafka.startBroker();
        }

        try (EventProbe probe = EventProbe.on(bootstrap, Topics.TOKEN_TOKEN)) {
            List<EventEnvelope> issued = probe.await(e -> "TokenIssued".equals(e.eventType())
                    && client.clientId().equals(e.aggregateId()), jtis.size(), Duration.ofSeconds(60));
            assertThat(issued).extracting(e -> e.payload().get("jti").asText())
                    .containsExactlyInAnyOrderElementsOf(jtis);
        }
    }
}
