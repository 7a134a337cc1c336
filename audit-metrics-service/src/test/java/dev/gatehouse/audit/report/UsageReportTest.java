package dev.gatehouse.audit.report;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.usage.ApiUsageRecorded;
import dev.gatehouse.events.usage.UsageEvents;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Every service's usage counts (ApiUsageRecorded on the real broker) become the company admin's report for an
 * installed app: requests per day by project and status class; a redelivered event counts once; another company's
 * rows never show; bad periods get field errors.
 */
@QuarkusTest
class UsageReportTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final UUID company = UUID.randomUUID();
    private final UUID installation = UUID.randomUUID();
    private final UUID project = UUID.randomUUID();
    private final String client = "app_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void anInstalledAppsRequestsPerDayByProjectAndStatusClass() {
        Instant day1 = Instant.parse("2026-11-02T10:00:00Z");
        Instant day2 = Instant.parse("2026-11-03T23:59:00Z");
        EventEnvelope first = event(List.of(calls(company, installation, project, 200, day1, 5),
                calls(company, installation, project, 200, day1.plusSeconds(60), 3),
                calls(company, installation, project, 404, day1, 2),
                calls(company, installation, null, 201, day1, 1),
                calls(company, installation, project, 503, day2, 1),
                calls(company, UUID.randomUUID(), project, 200, day1, 7),
                calls(UUID.randomUUID(), installation, project, 200, day1, 9)));
        EventSender.send(bootstrap, Topics.AUDIT_USAGE, first);
        // Delivered again (a relay retry): counted once. A later event on the same key (so the same partition,
        // applied after both) tells when both have been applied.
        EventSender.send(bootstrap, Topics.AUDIT_USAGE, first);
        EventSender.send(bootstrap, Topics.AUDIT_USAGE, event(List.of(calls(company, installation, project, 200,
                Instant.parse("2026-11-04T08:00:00Z"), 1))));
        String admin = TestTokens.companyAdmin(company).sign();
        String path = "/companies/" + company + "/installations/" + installation + "/usage";

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .queryParam("from", "2026-11-04").queryParam("to", "2026-11-04").get(path).then().statusCode(200)
                .body("total", equalTo(1)));
        given().auth().oauth2(admin).queryParam("from", "2026-11-02").queryParam("to", "2026-11-03").get(path)
                .then().statusCode(200).body("total", equalTo(12));
        JsonPath report = given().auth().oauth2(admin).queryParam("from", "2026-11-02").queryParam("to", "2026-11-03")
                .get(path).then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("days", Map.class)).containsExactly(
                row("2026-11-02", null, "2xx", 1), row("2026-11-02", project, "2xx", 8),
                row("2026-11-02", project, "4xx", 2), row("2026-11-03", project, "5xx", 1));
        assertThat(report.getString("from")).isEqualTo("2026-11-02");

        given().auth().oauth2(admin).queryParam("from", "2026-11-03").queryParam("to", "2026-11-03").get(path)
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(TestTokens.companyAdmin(UUID.randomUUID()).sign()).get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.companyMember(company).sign()).get(path).then().statusCode(403);
        given().auth().oauth2(admin).queryParam("from", "yesterday").queryParam("to", "2026-13-01").get(path)
                .then().statusCode(400).body("errors.field", hasItems("from", "to"));
        given().auth().oauth2(admin).queryParam("from", "2026-11-03").queryParam("to", "2026-11-02").get(path)
                .then().statusCode(400);
        given().auth().oauth2(admin).queryParam("from", "2025-01-01").queryParam("to", "2026-11-02").get(path)
                .then().statusCode(400);
    }

    private static Map<String, Object> row(String day, UUID projectId, String statusClass, int requests) {
        java.util.HashMap<String, Object> row = new java.util.HashMap<>();
        row.put("day", day);
        row.put("projectId", projectId == null ? null : projectId.toString());
        row.put("statusClass", statusClass);
        row.put("requests", requests);
        return row;
    }

    private ApiUsageRecorded.Calls calls(UUID companyId, UUID installationId, UUID projectId, int status,
            Instant minute, int count) {
        return new ApiUsageRecorded.Calls(companyId, client, installationId, null, projectId, "GET",
                "/companies/{companyId}/projects/{projectId}", status, minute, count);
    }

    private static EventEnvelope event(List<ApiUsageRecorded.Calls> calls) {
        return EventEnvelope.of(UsageEvents.API_USAGE_RECORDED, "directory-service", null,
                Actor.system("directory-service"), "directory-service", new ApiUsageRecorded("directory-service",
                        Instant.parse("2026-11-02T10:00:00Z"), Instant.parse("2026-11-04T00:00:00Z"), calls));
    }
}
