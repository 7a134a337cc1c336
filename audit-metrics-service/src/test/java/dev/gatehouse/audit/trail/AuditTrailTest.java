package dev.gatehouse.audit.trail;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppInstalled;
import dev.gatehouse.events.apps.AppRegistered;
import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenIssued;
import dev.gatehouse.events.directory.CompanyCreated;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.ProjectCreated;
import dev.gatehouse.events.directory.ProjectRenamed;
import dev.gatehouse.testsupport.AccessMatrix;
import dev.gatehouse.testsupport.AccessMatrix.Endpoint;
import dev.gatehouse.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gatehouse.testsupport.AccessMatrix.Access.COMPANY_ADMIN;
import static dev.gatehouse.testsupport.AccessMatrix.Access.DEVELOPER;
import static dev.gatehouse.testsupport.AccessMatrix.Access.PLATFORM_ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Events produced to the real broker, as the other services' relays would, and read back through the API. */
@QuarkusTest
class AuditTrailTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditTrailWriter writer;

    private KafkaProducer<String, String> producer;
    private UUID company;
    private String admin;

    @BeforeEach
    void setUp() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        company = UUID.randomUUID();
        admin = TestTokens.companyAdmin(company).sign();
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void anEventOnAnyTopicIsRecordedWithActorActionTargetCompanyAndTime() {
        EventEnvelope event = companyCreated(company);
        send(Topics.DIRECTORY_COMPANY, event);

        JsonPath entry = awaitTrail(company, 1).setRootPath("items[0]");
        assertThat(entry.getString("eventId")).isEqualTo(event.eventId().toString());
        assertThat(entry.getString("type")).isEqualTo("CompanyCreated");
        assertThat(entry.getString("actor.type")).isEqualTo("user");
        assertThat(entry.getString("actor.id")).isEqualTo("admin-1");
        assertThat(entry.getString("target.type")).isEqualTo("Company");
        assertThat(entry.getString("target.id")).isEqualTo(company.toString());
        assertThat(entry.getString("companyId")).isEqualTo(company.toString());
        assertThat(Instant.parse(entry.getString("occurredAt"))).isEqualTo(event.occurredAt());
        assertThat(entry.getString("details.name")).isEqualTo("Acme");
        // Prometheus: events recorded per type.
        assertThat(given().get("/q/metrics").asString())
                .containsPattern("gatehouse_audit_events_recorded_total\\{type=\"CompanyCreated\"} [1-9]");
    }

    @Test
    void theSameEventDeliveredTwiceIsRecordedOnce() {
        EventEnvelope event = companyCreated(company);
        send(Topics.DIRECTORY_COMPANY, event);
        send(Topics.DIRECTORY_COMPANY, event);
        // Same key, same partition: once this later event is in, both deliveries above have been consumed.
        EventEnvelope after = projectCreated(company, UUID.randomUUID(), company.toString());
        send(Topics.DIRECTORY_COMPANY, after);

        JsonPath trail = awaitTrail(company, 2);
        assertThat(trail.getList("items.eventId")).containsExactlyInAnyOrder(
                event.eventId().toString(), after.eventId().toString());
    }

    @Test
    void anEventWithoutACompanyIsRecordedAlongsideCompanyEvents() {
        // Platform events (the platform admin's own tokens, say) carry no company; same key, so same partition
        // and usually the same poll as the company event after it.
        EventEnvelope platform = EventEnvelope.of(DirectoryEvents.COMPANY_CREATED, "directory-service", null,
                new Actor(Actor.USER, "root"), company.toString(), new CompanyCreated(company, "Platform-wide"));
        send(Topics.DIRECTORY_COMPANY, platform);
        send(Topics.DIRECTORY_COMPANY, companyCreated(company));
        awaitTrail(company, 1);

        JsonPath all = given().auth().oauth2(TestTokens.platformAdmin().sign()).queryParam("type", "CompanyCreated")
                .queryParam("from", platform.occurredAt().toString()).queryParam("limit", 200)
                .get("/audit/events").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("items.eventId")).contains(platform.eventId().toString());
    }

    @Test
    void aRecordThatIsNotAnEventIsSkippedWithoutBlockingThePartition() {
        String key = company.toString();
        producer.send(new ProducerRecord<>(Topics.DIRECTORY_PROJECT, key, "this is not json"));
        producer.send(new ProducerRecord<>(Topics.DIRECTORY_PROJECT, key, "{\"eventId\": \"nope\"}"));
        EventEnvelope valid = projectCreated(company, UUID.randomUUID(), key);
        send(Topics.DIRECTORY_PROJECT, valid);

        assertThat(awaitTrail(company, 1).getString("items[0].eventId")).isEqualTo(valid.eventId().toString());
    }

    @Test
    void listIsNewestFirstAndFiltersByTypeAndTime() {
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        UUID project = UUID.randomUUID();
        send(Topics.DIRECTORY_PROJECT, at(projectCreated(company, project, project.toString()), base));
        send(Topics.DIRECTORY_PROJECT, at(projectRenamed(company, project), base.plusSeconds(60)));
        send(Topics.DIRECTORY_PROJECT, at(projectRenamed(company, project), base.plusSeconds(120)));
        awaitTrail(company, 3);

        given().auth().oauth2(admin).queryParam("companyId", company.toString()).get("/audit/events")
                .then().statusCode(200)
                .body("items.occurredAt", equalTo(List.of("2026-01-01T00:02:00Z", "2026-01-01T00:01:00Z",
                        "2026-01-01T00:00:00Z")));
        given().auth().oauth2(admin).queryParam("companyId", company.toString()).queryParam("type", "ProjectRenamed")
                .get("/audit/events").then().statusCode(200).body("items.size()", equalTo(2));
        given().auth().oauth2(admin).queryParam("companyId", company.toString())
                .queryParam("from", "2026-01-01T00:01:00Z").queryParam("to", "2026-01-01T00:02:00Z")
                .get("/audit/events").then().statusCode(200)
                .body("items.occurredAt", equalTo(List.of("2026-01-01T00:01:00Z")));

        // paging walks the same order
        String cursor = given().auth().oauth2(admin).queryParam("companyId", company.toString())
                .queryParam("limit", 2).get("/audit/events").then().statusCode(200)
                .body("items.size()", equalTo(2)).extract().path("nextCursor");
        given().auth().oauth2(admin).queryParam("companyId", company.toString()).queryParam("limit", 2)
                .queryParam("cursor", cursor).get("/audit/events").then().statusCode(200)
                .body("items.occurredAt", equalTo(List.of("2026-01-01T00:00:00Z")))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void filtersByAppInstallationClientAndActor() {
        UUID app = UUID.randomUUID();
        UUID installation = UUID.randomUUID();
        String client = "app_" + app.toString().replace("-", "");
        // The app's registration files its client under it; a later token event names only the client.
        EventEnvelope registered = EventEnvelope.of(AppsEvents.APP_REGISTERED, "app-management-service", company,
                new Actor(Actor.USER, "dev-1"), app.toString(), new AppRegistered(app, UUID.randomUUID(), "Field Notes",
                        "notes", client, "marketplace", null, null, "Notes Inc."));
        EventEnvelope token = EventEnvelope.of(TokenEvents.TOKEN_ISSUED, "token-service", company,
                new Actor(Actor.CLIENT, client), client, new TokenIssued(client, UUID.randomUUID().toString(), company,
                        List.of("directory.read"), UUID.randomUUID().toString(), Instant.now().plusSeconds(600),
                        "client_credentials", installation, null, TokenIssued.KIND_INSTALLATION));
        EventEnvelope other = companyCreated(company);
        send(Topics.APPS_APP, registered);
        awaitTrail(company, 1);
        send(Topics.TOKEN_TOKEN, token);
        send(Topics.DIRECTORY_COMPANY, other);
        awaitTrail(company, 3);

        assertThat(filtered("appId", app.toString())).containsExactly(token.eventId().toString(),
                registered.eventId().toString());
        assertThat(filtered("installationId", installation.toString())).containsExactly(token.eventId().toString());
        assertThat(filtered("clientId", client)).containsExactly(token.eventId().toString(),
                registered.eventId().toString());
        assertThat(filtered("actorId", "admin-1")).containsExactly(other.eventId().toString());
        given().auth().oauth2(admin).queryParam("companyId", company.toString()).queryParam("appId", "notes")
                .queryParam("installationId", "x").get("/audit/events").then().statusCode(400)
                .body("errors.field", equalTo(List.of("appId", "installationId")));
    }

    private List<String> filtered(String filter, String value) {
        return given().auth().oauth2(admin).queryParam("companyId", company.toString()).queryParam(filter, value)
                .get("/audit/events").then().statusCode(200).extract().jsonPath().getList("items.eventId");
    }

    @Test
    void badFiltersAreProblems() {
        given().auth().oauth2(TestTokens.platformAdmin().sign()).queryParam("companyId", "acme")
                .queryParam("from", "yesterday").get("/audit/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("companyId", "from")));
        given().auth().oauth2(admin).queryParam("companyId", company.toString()).queryParam("limit", 500)
                .get("/audit/events").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void theTrailIsAppendOnly() throws SQLException {
        send(Topics.DIRECTORY_COMPANY, companyCreated(company));
        awaitTrail(company, 1);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("update audit_event set actor_id = 'someone else'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("delete from audit_event"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void onlyTheCompanysAdminsOrAPlatformAdminReadItsTrail() {
        List<Endpoint> endpoints = new java.util.ArrayList<>(List.of(
                new Endpoint("GET", "/audit/events", COMPANY_ADMIN, c -> "/audit/events?companyId=" + c, null),
                new Endpoint("GET", "/audit/events", PLATFORM_ADMIN, c -> "/audit/events", null),
                new Endpoint("GET", "/companies/{companyId}/installations/{installationId}/usage", COMPANY_ADMIN,
                        c -> "/companies/" + c + "/installations/" + UUID.randomUUID() + "/usage", null),
                new Endpoint("GET", "/companies/{companyId}/audit/verification", COMPANY_ADMIN,
                        c -> "/companies/" + c + "/audit/verification", null),
                new Endpoint("GET", "/audit/verification", PLATFORM_ADMIN, c -> "/audit/verification", null),
                new Endpoint("GET", "/companies/{companyId}/access-tokens", COMPANY_ADMIN,
                        c -> "/companies/" + c + "/access-tokens", null),
                new Endpoint("GET", "/companies/{companyId}/installations/{installationId}/report", COMPANY_ADMIN,
                        c -> "/companies/" + c + "/installations/" + installed(c) + "/report", null),
                new Endpoint("GET", "/developer-orgs/{developerOrgId}/apps/{appId}/activity", DEVELOPER,
                        o -> "/developer-orgs/" + o + "/apps/" + registered(o) + "/activity", null),
                new Endpoint("GET", "/developer-orgs/{developerOrgId}/apps/{appId}/installs", DEVELOPER,
                        o -> "/developer-orgs/" + o + "/apps/" + registered(o) + "/installs", null)));
        endpoints.addAll(AccessMatrix.PARKED_EVENTS);
        AccessMatrix.verify(endpoints, UUID.randomUUID(), UUID.randomUUID());
    }

    /** A fresh installation in {@code company}'s trail, recorded before the call that reports on it. */
    private UUID installed(UUID company) {
        UUID installation = UUID.randomUUID();
        InstallationState state = new InstallationState(installation, 1, company, UUID.randomUUID(), "App",
                "app_" + installation.toString().replace("-", ""), "1.0.0", "active", UUID.randomUUID(), Map.of(),
                Map.of(), List.of(), "all", List.of(), false);
        writer.append(List.of(new AuditTrailWriter.Delivered(EventEnvelope.of(AppsEvents.APP_INSTALLED,
                "app-management-service", company, new Actor(Actor.USER, "admin-1"), installation.toString(),
                new AppInstalled(state)), Topics.APPS_INSTALLATION))).await().indefinitely();
        return installation;
    }

    /** A fresh app of developer organization {@code org}, registered before the call that reports on it. */
    private UUID registered(UUID org) {
        UUID app = UUID.randomUUID();
        writer.append(List.of(new AuditTrailWriter.Delivered(EventEnvelope.of(AppsEvents.APP_REGISTERED,
                "app-management-service", null, new Actor(Actor.USER, "dev-1"), app.toString(),
                new AppRegistered(app, org, "App", "app", "app_" + app.toString().replace("-", ""), "marketplace",
                        null, null, "Org")), Topics.APPS_APP))).await().indefinitely();
        return app;
    }

    private JsonPath awaitTrail(UUID companyId, int size) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(
                () -> given().auth().oauth2(admin).queryParam("companyId", companyId.toString())
                        .get("/audit/events").then().statusCode(200).extract().jsonPath(),
                page -> page.getList("items").size() >= size);
    }

    private void send(String topic, EventEnvelope event) {
        try {
            producer.send(new ProducerRecord<>(topic, event.aggregateId(), EventJson.serialize(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventEnvelope companyCreated(UUID company) {
        return EventEnvelope.of(DirectoryEvents.COMPANY_CREATED, "directory-service", company,
                new Actor(Actor.USER, "admin-1"), company.toString(), new CompanyCreated(company, "Acme"));
    }

    private static EventEnvelope projectCreated(UUID company, UUID project, String key) {
        EventEnvelope e = EventEnvelope.of(DirectoryEvents.PROJECT_CREATED, "directory-service", company,
                new Actor(Actor.USER, "admin-1"), project.toString(), new ProjectCreated(project, company, "P"));
        return new EventEnvelope(e.eventId(), e.eventType(), e.eventVersion(), e.occurredAt(), e.source(),
                e.companyId(), e.actor(), e.aggregateType(), key, e.payload());
    }

    private static EventEnvelope projectRenamed(UUID company, UUID project) {
        return EventEnvelope.of(DirectoryEvents.PROJECT_RENAMED, "directory-service", company,
                new Actor(Actor.USER, "admin-1"), project.toString(), new ProjectRenamed(project, company, "P", "Q"));
    }

    private static EventEnvelope at(EventEnvelope e, Instant when) {
        return new EventEnvelope(e.eventId(), e.eventType(), e.eventVersion(), when, e.source(), e.companyId(),
                e.actor(), e.aggregateType(), e.aggregateId(), e.payload());
    }
}
