package dev.gatehouse.testsupport;

import io.restassured.path.json.JsonPath;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** What ops and client developers rely on in every service: health, metrics, OpenAPI and Swagger UI, open. */
public final class OperationalEndpoints {

    private OperationalEndpoints() {
    }

    /** Readiness is UP and covers the database and Kafka; the other endpoints answer without a token. */
    public static void verify() {
        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(ready.getString("status")).isEqualTo("UP");
        List<String> checks = ready.getList("checks.name", String.class);
        assertThat(checks).as("readiness checks").anySatisfy(n -> assertThat(n).containsIgnoringCase("database"))
                .anySatisfy(n -> assertThat(n).containsIgnoringCase("kafka"));

        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("gatehouse_outbox_published"));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("\"openapi\""));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
