package dev.gatehouse.audit.report;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppInstalled;
import dev.gatehouse.events.apps.AppRegistered;
import dev.gatehouse.events.apps.AppUninstalled;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.InstallationProjectsChanged;
import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenIssued;
import dev.gatehouse.events.usage.ApiUsageRecorded;
import dev.gatehouse.events.usage.UsageEvents;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The company admin's report on an installed app and the developer's reports on their app, from real events on the
 * broker: an app installed in two companies (one later uninstalls it), its projects changed, its tokens (its own and
 * for a person) and its API calls in both.
 */
@QuarkusTest
class AppReportsTest {

    private static final Instant DAY1 = Instant.parse("2026-09-01T08:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-09-02T15:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final UUID org = UUID.randomUUID();
    private final UUID app = UUID.randomUUID();
    private final String client = "app_" + app.toString().replace("-", "");
    private final UUID company = UUID.randomUUID();
    private final UUID installation = UUID.randomUUID();
    private final UUID otherCompany = UUID.randomUUID();
    private final UUID otherInstallation = UUID.randomUUID();
    private final UUID p1 = UUID.randomUUID();
    private final UUID p2 = UUID.randomUUID();
    private final UUID person = UUID.randomUUID();

    @BeforeEach
    void anAppInstalledInTwoCompaniesAndUsed() {
        send(Topics.APPS_APP, at(EventEnvelope.of(AppsEvents.APP_REGISTERED, "app-management-service", null,
                new Actor(Actor.USER, "dev-1"), app.toString(), new AppRegistered(app, org, "Field Notes", "notes",
                        client, "marketplace", null, null, "Notes Inc.")), DAY1.minusSeconds(3600)));
        installationEvent(AppsEvents.APP_INSTALLED, company, installation, "admin-1", DAY1, 1, List.of(p1),
                s -> new AppInstalled(s));
        installationEvent(AppsEvents.INSTALLATION_PROJECTS_CHANGED, company, installation, "admin-2",
                DAY1.plusSeconds(600), 2, List.of(p1, p2), s -> new InstallationProjectsChanged(s, List.of(p2),
                        List.of()));
        installationEvent(AppsEvents.APP_INSTALLED, otherCompany, otherInstallation, "other-admin", DAY1, 1,
                List.of(), s -> new AppInstalled(s));
        token(company, installation, null, TokenIssued.KIND_INSTALLATION, DAY1.plusSeconds(60));
        token(company, installation, null, TokenIssued.KIND_INSTALLATION, DAY2);
        token(company, installation, person, TokenIssued.KIND_USER_DELEGATED, DAY2.plusSeconds(60));
        token(otherCompany, otherInstallation, null, TokenIssued.KIND_INSTALLATION, DAY2);
        send(Topics.AUDIT_USAGE, EventEnvelope.of(UsageEvents.API_USAGE_RECORDED, "directory-service", null,
                Actor.system("directory-service"), "directory-service", new ApiUsageRecorded("directory-service",
                        DAY1, DAY2.plusSeconds(3600), List.of(
                        calls(company, installation, null, p1, 200, DAY1.plusSeconds(120), 5),
                        calls(company, installation, person, p2, 200, DAY2.plusSeconds(120), 2),
                        calls(company, installation, null, null, 404, DAY2.plusSeconds(180), 1),
                        calls(otherCompany, otherInstallation, null, null, 200, DAY2.plusSeconds(240), 4)))));
        installationEvent(AppsEvents.APP_UNINSTALLED, otherCompany, otherInstallation, "other-admin",
                DAY2.plusSeconds(7200), 2, List.of(), s -> new AppUninstalled(s));
    }

    @Test
    void theCompanyAdminSeesTheInstalledAppsProjectsHistoryPeopleAndTokens() throws IOException {
        String admin = TestTokens.companyAdmin(company).sign();
        String path = "/companies/" + company + "/installations/" + installation + "/report";
        JsonPath report = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin)
                .queryParam("from", "2026-09-01").queryParam("to", "2026-09-02").get(path).then().extract()
                .jsonPath(), r -> r.getList("changes") != null && r.getList("changes").size() == 2
                && r.getList("people").size() == 1 && r.getList("tokensPerDay").size() == 3
                && r.getString("lastUsedAt") != null);

        assertThat(report.getString("appId")).isEqualTo(app.toString());
        assertThat(report.getString("appName")).isEqualTo("Field Notes");
        assertThat(report.getString("status")).isEqualTo("active");
        assertThat(report.getString("projectAccess")).isEqualTo("selected");
        assertThat(report.getList("projectIds")).containsExactly(p1.toString(), p2.toString());
        assertThat(report.getString("installed.actor.id")).isEqualTo("admin-1");
        assertThat(Instant.parse(report.getString("installed.at"))).isEqualTo(DAY1);
        assertThat(report.getList("changes.type")).containsExactly("InstallationProjectsChanged", "AppInstalled");
        assertThat(report.getList("changes.actor.id")).containsExactly("admin-2", "admin-1");
        assertThat(Instant.parse(report.getString("lastUsedAt"))).isEqualTo(DAY2.plusSeconds(180));
        assertThat(report.getString("people[0].accountId")).isEqualTo(person.toString());
        assertThat(report.getLong("people[0].tokens")).isEqualTo(1);
        assertThat(report.getLong("people[0].calls")).isEqualTo(2);
        assertThat(report.getList("tokensPerDay", Map.class)).extracting(d -> d.get("day"), d -> d.get("kind"),
                d -> d.get("tokens")).containsExactly(tuple("2026-09-01", "installation", 1),
                        tuple("2026-09-02", "installation", 1), tuple("2026-09-02", "user_delegated", 1));

        // The usage beside it, as CSV: one row per day, project and status class.
        String csv = given().auth().oauth2(admin).accept("text/csv").queryParam("from", "2026-09-01")
                .queryParam("to", "2026-09-02").get("/companies/" + company + "/installations/" + installation
                        + "/usage").then().statusCode(200).extract().asString();
        assertThat(csv.lines().findFirst()).hasValue("day,projectId,statusClass,requests");
        assertThat(csvRows(csv)).extracting(r -> r.get("day"), r -> r.get("statusClass"), r -> r.get("requests"))
                .containsExactlyInAnyOrder(tuple("2026-09-01", "2xx", "5"), tuple("2026-09-02", "2xx", "2"),
                        tuple("2026-09-02", "4xx", "1"));

        // Another company's installation is not found here; another company's admin may not look.
        given().auth().oauth2(admin).get("/companies/" + company + "/installations/" + otherInstallation + "/report")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.companyAdmin(otherCompany).sign()).get(path).then().statusCode(403);
        given().auth().oauth2(admin).queryParam("from", "someday").get(path).then().statusCode(400);
    }

    @Test
    void theDeveloperSeesActivityAcrossCompaniesAndInstalls() throws IOException {
        String developer = TestTokens.developer(org).sign();
        String base = "/developer-orgs/" + org + "/apps/" + app;
        JsonPath installs = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(developer)
                .queryParam("from", "2026-09-01").queryParam("to", "2026-09-02").get(base + "/installs").then()
                .extract().jsonPath(), r -> r.getList("companies") != null && r.getList("companies").size() == 2
                && r.getList("days").size() == 2 && "uninstalled".equals(statusOf(r, otherCompany)));
        assertThat(installs.getList("days", Map.class)).extracting(d -> d.get("day"), d -> d.get("installed"),
                d -> d.get("uninstalled")).containsExactly(tuple("2026-09-01", 2, 0), tuple("2026-09-02", 0, 1));
        assertThat(statusOf(installs, company)).isEqualTo("active");
        assertThat(installs.getList("companies", Map.class)).extracting(c -> c.get("companyId"),
                c -> c.get("requests")).containsExactlyInAnyOrder(tuple(company.toString(), 8),
                        tuple(otherCompany.toString(), 4));

        JsonPath first = given().auth().oauth2(developer).queryParam("from", "2026-09-01")
                .queryParam("to", "2026-09-02").queryParam("limit", 2).get(base + "/activity").then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getList("items", Map.class)).extracting(r -> r.get("day"), r -> r.get("status"),
                r -> r.get("requests")).containsExactly(tuple("2026-09-01", 200, 5), tuple("2026-09-02", 200, 6));
        String csv = given().auth().oauth2(developer).accept("text/csv").queryParam("from", "2026-09-01")
                .queryParam("to", "2026-09-02").queryParam("limit", 2).queryParam("cursor",
                        first.getString("nextCursor")).get(base + "/activity").then().statusCode(200).extract()
                .asString();
        assertThat(csv.lines().findFirst()).hasValue("day,status,method,route,requests");
        assertThat(csvRows(csv)).extracting(r -> r.get("day"), r -> r.get("status"), r -> r.get("route"),
                r -> r.get("requests")).containsExactly(tuple("2026-09-02", "404",
                        "/companies/{companyId}/projects/{projectId}", "1"));

        // Another organization's developer may not look; this organization has no such app.
        given().auth().oauth2(TestTokens.developer(UUID.randomUUID()).sign()).get(base + "/activity").then()
                .statusCode(403);
        given().auth().oauth2(developer).get("/developer-orgs/" + org + "/apps/" + UUID.randomUUID() + "/installs")
                .then().statusCode(404);
    }

    private static String statusOf(JsonPath installs, UUID companyId) {
        return installs.getList("companies", Map.class).stream()
                .filter(c -> companyId.toString().equals(c.get("companyId"))).map(c -> (String) c.get("status"))
                .findFirst().orElse(null);
    }

    private <P> void installationEvent(EventType<P> type, UUID companyId, UUID installationId, String actor,
            Instant at, int revision, List<UUID> projects,
            java.util.function.Function<InstallationState, P> payload) {
        String status = type.equals(AppsEvents.APP_UNINSTALLED) ? "uninstalled" : "active";
        InstallationState state = new InstallationState(installationId, revision, companyId, app, "Field Notes",
                client, "1.0.0", status, UUID.randomUUID(), Map.of(), Map.of(), List.of("directory.read"),
                projects.isEmpty() ? "all" : "selected", projects, false);
        send(Topics.APPS_INSTALLATION, at(EventEnvelope.of(type, "app-management-service", companyId,
                new Actor(Actor.USER, actor), installationId.toString(), payload.apply(state)), at));
    }

    private void token(UUID companyId, UUID installationId, UUID accountId, String kind, Instant at) {
        send(Topics.TOKEN_TOKEN, at(EventEnvelope.of(TokenEvents.TOKEN_ISSUED, "token-service", companyId,
                new Actor(Actor.CLIENT, client), client, new TokenIssued(client, UUID.randomUUID().toString(),
                        companyId, List.of("directory.read"), UUID.randomUUID().toString(), at.plusSeconds(600),
                        "client_credentials", installationId, accountId, kind)), at));
    }

    private ApiUsageRecorded.Calls calls(UUID companyId, UUID installationId, UUID accountId, UUID projectId,
            int status, Instant minute, int count) {
        return new ApiUsageRecorded.Calls(companyId, client, installationId, accountId, projectId, "GET",
                "/companies/{companyId}/projects/{projectId}", status, minute, count);
    }

    private static EventEnvelope at(EventEnvelope e, Instant when) {
        return new EventEnvelope(e.eventId(), e.eventType(), e.eventVersion(), when, e.source(), e.companyId(),
                e.actor(), e.aggregateType(), e.aggregateId(), e.payload());
    }

    private void send(String topic, EventEnvelope event) {
        EventSender.send(bootstrap, topic, event);
    }

    private static List<Map<String, String>> csvRows(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }
}
