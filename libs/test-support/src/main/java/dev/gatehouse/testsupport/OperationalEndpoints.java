package dev.gatehouse.testsupport;

import dev.gatehouse.testsupport.openapi.OpenApiConformanceFilter;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What ops and client developers rely on in every service: health, metrics, OpenAPI and Swagger UI without a token,
 * a problem body for a path that does not exist or a request past the size limits, and an OpenAPI document that
 * every test's answers are held to. Each service runs it with
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
        // The three paths deploy/k8s probes (liveness, readiness, startup).
        given().get("/q/health/started").then().statusCode(200);
    }

    /**
     * Prometheus (issue 14): requests are counted and timed per route template and status, never per raw path, so a
     * path full of ids (or one no route matches) adds no label of its own; consumers export their lag.
     */
    @Test
    void metricsLabelRoutesNotPathsAndShowConsumerLag() {
        String id = java.util.UUID.randomUUID().toString();
        given().get("/companies/" + id + "/no-such-route/" + id).then().statusCode(404);
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(given().get("/q/metrics").asString())
                .contains("http_server_requests_seconds_count{").contains("uri=\"NOT_FOUND\"")
                .contains("kafka_consumer_fetch_manager_records_lag_max").doesNotContain(id));
    }

    @Test
    void metricsOpenApiAndSwaggerUiAreServedWithoutAToken() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("gatehouse_outbox_published"));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("\"openapi\""));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyAnswerATestGetsIsHeldToTheOpenApiDocument() {
        assertThat(RestAssured.filters()).as("rest-assured filters of this test")
                .anyMatch(f -> f instanceof OpenApiConformanceFilter);
    }

    @Test
    void theOpenApiDocumentGivesEveryOperationASuccessAndEveryErrorItsBody() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        assertThat(paths).isNotEmpty();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            String where = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
            // A browser endpoint's success is a redirect (the authorization endpoint's 302 back to the client).
            assertThat(responses.keySet()).as(where + " documents a success")
                    .anyMatch(code -> code.startsWith("2") || code.startsWith("3"));
            responses.forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    // A browser endpoint's error may be a page that says what went wrong (text/html).
                    assertThat(response.get("content")).as(where + " " + code + " has a body").isNotNull()
                            .asString().containsAnyOf("Problem", "OAuthError", "text/html");
                }
            });
        }));
    }

    @Test
    void requestsPastTheSizeLimitsGetAProblemBodyNotAnEmptyAnswer() throws IOException {
        RawHttp.Answer longUri = RawHttp.exchange("GET /q/health/live?x=" + "a".repeat(5000) + " HTTP/1.1",
                new byte[0]);
        assertProblem(longUri, 414, "4096 characters");
        RawHttp.Answer bigHeaders = RawHttp.exchange("GET /q/health/live HTTP/1.1\r\nX-Padding: " + "a".repeat(25_000),
                new byte[0]);
        assertProblem(bigHeaders, 431, "20480 bytes");
        RawHttp.Answer declaredTooLarge = RawHttp.exchange("POST /admin/parked-events HTTP/1.1\r\nContent-Type: "
                + "application/json\r\nContent-Length: 99999999", "{}".getBytes(StandardCharsets.UTF_8));
        assertProblem(declaredTooLarge, 413, "10485760 bytes");
        assertThat(declaredTooLarge.header("Connection")).isEqualTo("close");
    }

    @Test
    void aMalformedUriGetsAProblemBodyNotAnEmptyAnswer() throws IOException {
        // RFC 3986 §2.1: "%" must start an escape of two hex digits
        assertProblem(RawHttp.exchange("GET /q/health/live?x=%zz HTTP/1.1", new byte[0]), 400, "RFC 3986");
        assertProblem(RawHttp.exchange("GET /q/health/live?x=% HTTP/1.1", new byte[0]), 400, "RFC 3986");
        assertProblem(RawHttp.exchange("GET /nothing/%zz/here HTTP/1.1", new byte[0]), 400, "RFC 3986");
    }

    @Test
    void aChunkedBodyIsReadUnderTheSameLimit() throws IOException {
        String chunkedJson = "POST /admin/parked-events/" + java.util.UUID.randomUUID() + "/discard HTTP/1.1\r\n"
                + "Authorization: Bearer " + TestTokens.platformAdmin().sign() + "\r\nContent-Type: application/json"
                + "\r\nTransfer-Encoding: chunked";
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) ' ');
        assertProblem(RawHttp.exchange(chunkedJson, RawHttp.chunked(tooLarge)), 413, "10485760 bytes");
        // under the limit, a chunked body reaches the endpoint: here, one that finds no such parked event
        RawHttp.Answer small = RawHttp.exchange(chunkedJson, RawHttp.chunked("{}".getBytes(StandardCharsets.UTF_8)));
        assertProblem(small, 404, "");
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(new JsonPath(answer.body()).getInt("status")).isEqualTo(status);
        assertThat(new JsonPath(answer.body()).getString("detail")).contains(detail);
    }

    @Test
    void anUnknownPathIsA404ProblemNotAnEmptyBody() {
        given().get("/nothing/here").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
