package dev.gatehouse.testsupport;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What ops and client developers rely on in every service: health, metrics, OpenAPI and Swagger UI without a token,
 * and a problem body for a path that does not exist. Each service runs it with
 * {@code @QuarkusTest class OperationalEndpointsTest extends OperationalEndpoints {}}.
 */
public abstract class OperationalEndpoints {

    @Test
    void readinessIsUpOnceTheRevocationFeedIsReadAndCoversTheDatabaseAndKafka() {
        // The service claims ready only once it has read token-service's revocations (libs/revocation).
        await().atMost(30, TimeUnit.SECONDS).until(() -> given().get("/q/health/ready").statusCode() == 200);
        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(ready.getString("status")).isEqualTo("UP");
        List<String> checks = ready.getList("checks.name", String.class);
        assertThat(checks).as("readiness checks").anySatisfy(n -> assertThat(n).containsIgnoringCase("database"))
                .anySatisfy(n -> assertThat(n).containsIgnoringCase("kafka")).contains("revocation-feed");
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsOpenApiAndSwaggerUiAreServedWithoutAToken() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("gatehouse_outbox_published"));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("\"openapi\""));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void anUnknownPathIsA404ProblemNotAnEmptyBody() {
        given().get("/nothing/here").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
