package dev.gatehouse.directory.user;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.gatehouse.directory.DirectoryApi.createCompany;
import static dev.gatehouse.directory.DirectoryApi.createUser;
import static dev.gatehouse.directory.DirectoryApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** People in a company's directory through the API. */
@QuarkusTest
class UserResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private UUID company;

    @BeforeEach
    void company() {
        company = createCompany(unique("People"));
    }

    @Test
    void anAdminAddsAPersonWhoIsThenListedAndReadable() {
        String location = admin().contentType(ContentType.JSON)
                .body("{\"name\": \"  Ada Lovelace \", \"email\": \"ada@example.com\"}")
                .post(path("/users")).then().statusCode(201)
                .body("kind", equalTo("person"))
                .body("name", equalTo("Ada Lovelace"))
                .body("email", equalTo("ada@example.com"))
                .body("status", equalTo("active"))
                .body("managedBy", nullValue())
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        member().get(path("/users/" + id)).then().statusCode(200).body("name", equalTo("Ada Lovelace"));
        member().get(path("/users")).then().statusCode(200).body("items.id", contains(id));
    }

    @Test
    void emailsAreUniqueWithinACompanyWhateverTheCase() {
        createUser(company, "Grace Hopper");
        admin().contentType(ContentType.JSON)
                .body("{\"name\": \"Other Grace\", \"email\": \"GRACE.HOPPER@example.com\"}")
                .post(path("/users")).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("GRACE.HOPPER@example.com"));
        UUID elsewhere = createCompany(unique("Elsewhere"));
        createUser(elsewhere, "Grace Hopper");
    }

    @Test
    void badInputIsA400NamingEachField() {
        admin().contentType(ContentType.JSON).body("{\"name\": \"\", \"email\": \"not-an-email\"}")
                .post(path("/users")).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("name", "email"));
        admin().contentType(ContentType.JSON).body("{\"email\": \"x@example.com\", \"name\": 5")
                .post(path("/users")).then().statusCode(400);
        admin().queryParam("kind", "robot").get(path("/users")).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        admin().get(path("/users/" + UUID.randomUUID())).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anAdminRenamesAndChangesTheEmailOfAPerson() {
        UUID id = createUser(company, "Alan Turing");
        admin().contentType(ContentType.JSON).body("{\"email\": \"alan@bletchley.example\"}")
                .patch(path("/users/" + id)).then().statusCode(200)
                .body("name", equalTo("Alan Turing")).body("email", equalTo("alan@bletchley.example"));
        admin().contentType(ContentType.JSON).body("{\"name\": \" \"}").patch(path("/users/" + id)).then()
                .statusCode(400).body("errors[0].field", equalTo("name"));
        UUID other = createUser(company, "Someone Else");
        admin().contentType(ContentType.JSON).body("{\"email\": \"Alan@Bletchley.example\"}")
                .patch(path("/users/" + other)).then().statusCode(409);
    }

    @Test
    void deletingDeactivatesAndKeepsThePersonWhoCanBeReactivated() {
        UUID id = createUser(company, "Margaret Hamilton");
        admin().queryParam("reason", "left the company").delete(path("/users/" + id)).then().statusCode(204);
        admin().get(path("/users/" + id)).then().statusCode(200)
                .body("status", equalTo("inactive")).body("deactivatedAt", notNullValue());
        admin().queryParam("status", "active").get(path("/users")).then()
                .body("items.id", not(hasItem(id.toString())));
        admin().post(path("/users/" + id + "/reactivate")).then().statusCode(200)
                .body("status", equalTo("active")).body("deactivatedAt", nullValue());
    }

    @Test
    void everyChangeIsPublishedWithItsActor() {
        try (EventProbe probe = EventProbe.on(bootstrap, Topics.DIRECTORY_USER)) {
            TestTokens admin = TestTokens.companyAdmin(company);
            String id = given().auth().oauth2(admin.sign()).contentType(ContentType.JSON)
                    .body("{\"name\": \"Katherine Johnson\", \"email\": \"kj@example.com\"}")
                    .post(path("/users")).then().statusCode(201).extract().path("id");
            given().auth().oauth2(admin.sign()).contentType(ContentType.JSON).body("{\"name\": \"K. Johnson\"}")
                    .patch(path("/users/" + id)).then().statusCode(200);
            given().auth().oauth2(admin.sign()).delete(path("/users/" + id)).then().statusCode(204);
            given().auth().oauth2(admin.sign()).delete(path("/users/" + id)).then().statusCode(204);

            List<EventEnvelope> events = probe.await(e -> e.aggregateId().equals(id), 4, Duration.ofSeconds(15));
            assertThat(events).extracting(EventEnvelope::eventType).containsExactly(
                    DirectoryEvents.USER_CREATED.name(), DirectoryEvents.PERSON_INVITED.name(),
                    DirectoryEvents.USER_UPDATED.name(), DirectoryEvents.USER_DEACTIVATED.name());
            assertThat(events).allSatisfy(e -> {
                assertThat(e.actor().id()).isEqualTo(admin.subject());
                assertThat(e.companyId()).isEqualTo(company);
            });
        }
    }

    @Test
    void membersReadButOnlyAdminsChange() {
        UUID id = createUser(company, "Read Only");
        member().contentType(ContentType.JSON).body("{\"name\": \"x\", \"email\": \"x@example.com\"}")
                .post(path("/users")).then().statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("/forbidden"));
        member().delete(path("/users/" + id)).then().statusCode(403);
        member().get(path("/users/" + id)).then().statusCode(200);
    }

    private String path(String suffix) {
        return "/companies/" + company + suffix;
    }

    private RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.companyAdmin(company).sign());
    }

    private RequestSpecification member() {
        return given().auth().oauth2(TestTokens.companyMember(company).sign());
    }
}
