package dev.gatehouse.console;

import dev.gatehouse.console.stub.StubGatehouseResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** The three paths deploy/k8s probes answer without a sign-in (they are public in the console's permissions). */
@QuarkusTest
@QuarkusTestResource(StubGatehouseResource.class)
class HealthProbesTest {

    @Test
    void livenessReadinessAndStartupAnswerWithoutASession() {
        for (String probe : new String[] {"/q/health/live", "/q/health/ready", "/q/health/started"}) {
            given().redirects().follow(false).get(probe).then().statusCode(200);
        }
    }
}
