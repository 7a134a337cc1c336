package dev.gatehouse.audit.inventory;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppRegistered;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.InstallationDisabled;
import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.events.token.IntegrationRevoked;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenIssued;
import dev.gatehouse.events.usage.ApiUsageRecorded;
import dev.gatehouse.events.usage.UsageEvents;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The access-token inventory from real events on the broker: every credential that issued tokens in the company,
 * with its kind, person, counts, first and last issue, last use (from usage counts) and status (from its owners'
 * events); another company's tokens never show; the same page as CSV, with a formula-looking name defused and the
 * next page in a Link header.
 */
@QuarkusTest
class AccessTokenInventoryTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final UUID company = UUID.randomUUID();
    private final UUID app = UUID.randomUUID();
    private final String appClient = "app_" + app.toString().replace("-", "");
    private final String serviceAccount = "sa_" + UUID.randomUUID().toString().replace("-", "");
    private final UUID installation = UUID.randomUUID();
    private final UUID person = UUID.randomUUID();

    @Test
    void everyCredentialThatIssuedTokensWithItsUseAndStatus() throws IOException {
        send(Topics.APPS_APP, EventEnvelope.of(AppsEvents.APP_REGISTERED, "app-management-service", null,
                new Actor(Actor.USER, "dev-1"), app.toString(), new AppRegistered(app, UUID.randomUUID(),
                        "=HYPERLINK(\"http://evil\")", "notes", appClient, "marketplace", null, null, "Notes Inc.")));
        Instant day1 = Instant.parse("2026-10-01T09:00:00Z");
        Instant day2 = Instant.parse("2026-10-03T17:30:00Z");
        token(appClient, installation, null, TokenIssued.KIND_INSTALLATION, day1);
        token(appClient, installation, null, TokenIssued.KIND_INSTALLATION, day1.plusSeconds(3600));
        token(appClient, installation, null, TokenIssued.KIND_INSTALLATION, day2);
        token(appClient, installation, person, TokenIssued.KIND_USER_DELEGATED, day2.plusSeconds(60));
        token(serviceAccount, null, null, TokenIssued.KIND_SERVICE_ACCOUNT, day1.plusSeconds(120));
        // Another company's token from the same app never shows here.
        send(Topics.TOKEN_TOKEN, issued(UUID.randomUUID(), appClient, UUID.randomUUID(), null,
                TokenIssued.KIND_INSTALLATION, day2));
        Instant lastCall = Instant.parse("2026-10-03T18:04:00Z");
        send(Topics.AUDIT_USAGE, EventEnvelope.of(UsageEvents.API_USAGE_RECORDED, "directory-service", null,
                Actor.system("directory-service"), "directory-service", new ApiUsageRecorded("directory-service",
                        day1, lastCall.plusSeconds(60), List.of(
                        new ApiUsageRecorded.Calls(company, appClient, installation, null, null, "GET",
                                "/companies/{companyId}/users", 200, day2, 4),
                        new ApiUsageRecorded.Calls(company, appClient, installation, null, null, "GET",
                                "/companies/{companyId}/users", 200, lastCall, 1)))));
        send(Topics.APPS_INSTALLATION, EventEnvelope.of(AppsEvents.INSTALLATION_DISABLED, "app-management-service",
                company, new Actor(Actor.USER, "admin-1"), installation.toString(),
                new InstallationDisabled(installationState("disabled"), "admin")));
        send(Topics.TOKEN_ACCOUNT, EventEnvelope.of(TokenEvents.INTEGRATION_REVOKED, "token-service", company,
                new Actor(Actor.USER, person.toString()), person.toString(),
                new IntegrationRevoked(person, appClient, company)));
        String admin = TestTokens.companyAdmin(company).sign();
        String path = "/companies/" + company + "/access-tokens";

        JsonPath inventory = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin)
                .get(path).then().statusCode(200).extract().jsonPath(), page -> page.getList("items").size() == 3
                && "revoked".equals(page.getString("items[0].status")) && page.getString("items[1].lastUsedAt") != null
                && "disabled".equals(page.getString("items[1].status")));

        // Most recently issued first: the person's token through the app, the installation's, the service account.
        assertThat(inventory.getList("items", Map.class)).extracting(i -> i.get("kind"), i -> i.get("clientId"),
                i -> i.get("tokens")).containsExactly(
                        tuple("user_delegated", appClient, 1),
                        tuple("installation", appClient, 3),
                        tuple("service_account", serviceAccount, 1));
        JsonPath delegated = inventory.setRootPath("items[0]");
        assertThat(delegated.getString("accountId")).isEqualTo(person.toString());
        assertThat(delegated.getString("appId")).isEqualTo(app.toString());
        JsonPath installed = new JsonPath(inventory.prettify()).setRootPath("items[1]");
        assertThat(installed.getString("installationId")).isEqualTo(installation.toString());
        assertThat(installed.getString("appName")).isEqualTo("=HYPERLINK(\"http://evil\")");
        assertThat(Instant.parse(installed.getString("firstIssuedAt"))).isEqualTo(day1);
        assertThat(Instant.parse(installed.getString("lastIssuedAt"))).isEqualTo(day2);
        assertThat(Instant.parse(installed.getString("lastUsedAt"))).isEqualTo(lastCall);
        JsonPath service = new JsonPath(inventory.prettify()).setRootPath("items[2]");
        assertThat(service.getString("status")).isEqualTo("active");
        assertThat(service.getString("lastUsedAt")).isNull();
        assertThat(service.getString("appId")).isNull();

        // CSV: a header row, one credential a row, the developer's formula-looking name made inert, then the
        // next page from the Link header.
        Response csv = given().auth().oauth2(admin).accept("text/csv").queryParam("limit", 2).get(path);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString().lines().findFirst()).hasValue("clientId,appId,appName,kind,installationId,"
                + "accountId,firstIssuedAt,lastIssuedAt,tokens,lastUsedAt,status");
        List<Map<String, String>> rows = csvRows(csv.asString());
        assertThat(rows).extracting(r -> r.get("kind")).containsExactly("user_delegated", "installation");
        assertThat(rows.get(0)).containsEntry("accountId", person.toString()).containsEntry("status", "revoked");
        assertThat(rows.get(1)).containsEntry("appName", "'=HYPERLINK(\"http://evil\")")
                .containsEntry("status", "disabled").containsEntry("tokens", "3")
                .containsEntry("lastUsedAt", lastCall.toString());
        Matcher next = NEXT.matcher(csv.header("Link"));
        assertThat(next.find()).isTrue();
        URI nextPage = URI.create(next.group(1));
        Response second = given().auth().oauth2(admin).accept("text/csv").get(nextPage.getRawPath() + "?"
                + nextPage.getRawQuery());
        assertThat(csvRows(second.asString())).extracting(r -> r.get("clientId")).containsExactly(serviceAccount);
        assertThat(second.header("Link")).isNull();

        given().auth().oauth2(TestTokens.companyAdmin(UUID.randomUUID()).sign()).get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.companyMember(company).sign()).get(path).then().statusCode(403);
        given().auth().oauth2(admin).queryParam("cursor", "nonsense").get(path).then().statusCode(400);
    }

    private static List<Map<String, String>> csvRows(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }

    private void token(String clientId, UUID installationId, UUID accountId, String kind, Instant at) {
        send(Topics.TOKEN_TOKEN, issued(company, clientId, installationId, accountId, kind, at));
    }

    private static EventEnvelope issued(UUID companyId, String clientId, UUID installationId, UUID accountId,
            String kind, Instant at) {
        EventEnvelope e = EventEnvelope.of(TokenEvents.TOKEN_ISSUED, "token-service", companyId,
                new Actor(Actor.CLIENT, clientId), clientId, new TokenIssued(clientId, UUID.randomUUID().toString(),
                        companyId, List.of("directory.read"), UUID.randomUUID().toString(), at.plusSeconds(600),
                        "client_credentials", installationId, accountId, kind));
        return new EventEnvelope(e.eventId(), e.eventType(), e.eventVersion(), at, e.source(), e.companyId(),
                e.actor(), e.aggregateType(), e.aggregateId(), e.payload());
    }

    private InstallationState installationState(String status) {
        return new InstallationState(installation, 2, company, app, "Field Notes", appClient, "1.0.0", status,
                UUID.randomUUID(), Map.of(), Map.of(), List.of("directory.read"), "all", List.of(), false);
    }

    private void send(String topic, EventEnvelope event) {
        EventSender.send(bootstrap, topic, event);
    }
}
