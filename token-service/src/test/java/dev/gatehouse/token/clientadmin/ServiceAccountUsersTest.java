package dev.gatehouse.token.clientadmin;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.ProjectArchived;
import dev.gatehouse.events.directory.ProjectCreated;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.token.ServiceAccountChanged;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.TestTokens;
import dev.gatehouse.token.Companies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Company service accounts as directory users (Itential's "Edit Permissions"): each account has a user in its
 * company's directory, announced to directory-service with every change (ServiceAccountChanged on the real broker);
 * its company's admins give it company and project permissions, checked against the tool catalogue and the
 * company's projects, with the high-risk acknowledgement; its tokens act as that user.
 */
@QuarkusTest
class ServiceAccountUsersTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private UUID company;
    private String admin;
    private String base;
    private final UUID project = UUID.randomUUID();
    private final UUID archived = UUID.randomUUID();

    @BeforeEach
    void companyWithProjects() {
        company = Companies.known(UUID.randomUUID());
        admin = TestTokens.companyAdmin(company).sign();
        base = "/companies/" + company + "/service-accounts";
        project(DirectoryEvents.PROJECT_CREATED.name(), project);
        project(DirectoryEvents.PROJECT_CREATED.name(), archived);
        project(DirectoryEvents.PROJECT_ARCHIVED.name(), archived);
    }

    @Test
    void anAdminEditsTheAccountsPermissionsAndTheDirectoryIsToldEachChange() throws Exception {
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.TOKEN_CLIENT)) {
            JsonPath created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"name\": \"Nightly export\", \"scopes\": [\"projects.read\"]}").post(base).then()
                    .statusCode(201).body("client.serviceAccount.companyPermissions", equalTo(Map.of()))
                    .extract().jsonPath();
            String clientId = created.getString("clientId");
            UUID userId = UUID.fromString(created.getString("client.serviceAccount.userId"));
            String path = base + "/" + clientId;

            // Every mistake at once: unknown tool, unknown level, a company-level tool per project, a project of
            // no company of ours, an archived one; nothing is changed.
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of(
                            "companyPermissions", Map.of("payroll", "admin", "directory", "boss"),
                            "projectPermissions", Map.of("projects", "read_only"),
                            "projectIds", List.of(UUID.randomUUID().toString(), archived.toString())))
                    .put(path + "/permissions").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", containsInAnyOrder("companyPermissions.payroll",
                            "companyPermissions.directory", "projectPermissions.projects", "projectIds[0]",
                            "projectIds[1]"));
            // Admin on the Directory is high-risk: it must be acknowledged.
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("companyPermissions", Map.of("directory", "admin")))
                    .put(path + "/permissions").then().statusCode(400)
                    .body("errors.field", hasItems("acknowledgeHighRisk"));
            awaitKnown(project);
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of(
                            "companyPermissions", Map.of("directory", "read_only", "projects", "read_only"),
                            "projectPermissions", Map.of("documents", "standard"),
                            "projectIds", List.of(project.toString())))
                    .put(path + "/permissions").then().statusCode(200)
                    .body("serviceAccount.userId", equalTo(userId.toString()))
                    .body("serviceAccount.companyPermissions.directory", equalTo("read_only"))
                    .body("serviceAccount.projectPermissions.documents", equalTo("standard"))
                    .body("serviceAccount.projectIds", equalTo(List.of(project.toString())))
                    .body("serviceAccount.highRisk", equalTo(false));
            given().auth().oauth2(TestTokens.companyMember(company).sign()).contentType(ContentType.JSON)
                    .body(Map.of("companyPermissions", Map.of())).put(path + "/permissions").then().statusCode(403);

            // Its token acts as its directory user.
            String jwt = given().auth().preemptive().basic(clientId, created.getString("clientSecret"))
                    .formParam("grant_type", "client_credentials").post("/oauth2/token").then().statusCode(200)
                    .extract().path("access_token");
            JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators().build()
                    .processToClaims(jwt);
            assertThat(claims.getSubject()).isEqualTo(userId.toString());
            assertThat(claims.getStringListClaimValue("roles")).containsExactly("service_account");
            assertThat(claims.getStringClaimValue("company_id")).isEqualTo(company.toString());

            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"reason\": \"audit\"}")
                    .post(path + "/disable").then().statusCode(200);
            given().auth().oauth2(admin).delete(path).then().statusCode(204);

            List<ServiceAccountChanged> states = probe.await(e -> e.eventType().equals("ServiceAccountChanged")
                            && e.aggregateId().equals(clientId), 4, Duration.ofSeconds(20)).stream()
                    .map(e -> e.payloadAs(TokenEvents.SERVICE_ACCOUNT_CHANGED)).toList();
            assertThat(states).extracting(ServiceAccountChanged::revision).containsExactly(1, 2, 3, 4);
            assertThat(states).extracting(ServiceAccountChanged::status).containsExactly("active", "active",
                    "disabled", "deleted");
            assertThat(states).allSatisfy(s -> {
                assertThat(s.userId()).isEqualTo(userId);
                assertThat(s.companyId()).isEqualTo(company);
                assertThat(s.name()).isEqualTo("Nightly export");
            });
            assertThat(states.get(0).companyPermissions()).isEmpty();
            assertThat(states.get(1).companyPermissions()).isEqualTo(Map.of("directory", AccessLevel.READ_ONLY,
                    "projects", AccessLevel.READ_ONLY));
            assertThat(states.get(1).projectIds()).containsExactly(project);
            assertThat(states.get(3).projectIds()).containsExactly(project);
        }
    }

    private void project(String type, UUID id) {
        EventEnvelope envelope = type.equals(DirectoryEvents.PROJECT_CREATED.name())
                ? EventEnvelope.of(DirectoryEvents.PROJECT_CREATED, "directory-service", company,
                        Actor.system("directory-service"), id.toString(), new ProjectCreated(id, company, "P " + id))
                : EventEnvelope.of(DirectoryEvents.PROJECT_ARCHIVED, "directory-service", company,
                        Actor.system("directory-service"), id.toString(), new ProjectArchived(id, company,
                                Instant.now()));
        EventSender.send(bootstrap, Topics.DIRECTORY_PROJECT, envelope);
    }

    /** token-service has heard of the project (its copy is how it checks a service account's projects). */
    private void awaitKnown(UUID id) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .contentType(ContentType.JSON).body(Map.of("projectIds", List.of(id.toString())))
                .put(base + "/" + given().auth().oauth2(admin).contentType(ContentType.JSON)
                        .body("{\"name\": \"probe " + UUID.randomUUID() + "\"}").post(base).then().statusCode(201)
                        .extract().path("clientId") + "/permissions").then().statusCode(200));
    }
}
