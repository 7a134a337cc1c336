package dev.gatehouse.token;

import dev.gatehouse.testsupport.OperationalEndpoints;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class OperationalEndpointsTest {

    @Test
    void healthMetricsAndOpenApiAreServedWithoutAToken() {
        OperationalEndpoints.verify();
    }

    @Test
    void anUnknownPathIsA404ProblemNotAnEmptyBody() {
        given().get("/nothing/here").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
