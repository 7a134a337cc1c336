package dev.gatehouse.directory.company;

import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class CompanyResourceTest {

    private final String admin = TestTokens.platformAdmin().sign();

    @Test
    void createThenGetReturnsTheCompanyWithItsLocation() {
        String location = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"  Acme Construction  \"}")
                .when().post("/companies")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("name", equalTo("Acme Construction"))
                .body("id", notNullValue())
                .body("createdAt", notNullValue())
                .extract().header("Location");

        given().auth().oauth2(admin).when().get(location)
                .then().statusCode(200).body("name", equalTo("Acme Construction"));
    }

    @Test
    void nameIsRequiredAndAtMost200Characters() {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"   \"}")
                .when().post("/companies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("is required"));

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"" + "x".repeat(201) + "\"}")
                .when().post("/companies")
                .then().statusCode(400).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must be at most 200 characters"));

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"" + "x".repeat(200) + "\"}")
                .when().post("/companies")
                .then().statusCode(201);
    }

    @Test
    void missingOrMalformedBodiesAreProblemsNotServerErrors() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .when().post("/companies")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/companies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The request body is not valid JSON"));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": {\"nested\": 1}}")
                .when().post("/companies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void wrongContentTypeIs415WithAProblemBody() {
        given().auth().oauth2(admin).contentType(ContentType.TEXT).body("name=Acme")
                .when().post("/companies")
                .then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415)).body("title", equalTo("Unsupported Media Type"));
    }

    @Test
    void unknownCompanyIs404WithABody() {
        UUID id = UUID.randomUUID();
        given().auth().oauth2(admin).when().get("/companies/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("Company " + id + " does not exist"));

        given().auth().oauth2(admin).when().get("/no-such-path")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listPagesWithAnOpaqueCursor() {
        String prefix = "Paging " + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"" + prefix + i + "\"}")
                    .post("/companies").then().statusCode(201);
        }
        // Walk every page with limit 2 and find the three companies, each once, in creation order.
        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = given().auth().oauth2(admin).queryParam("limit", 2);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            var page = spec.when().get("/companies").then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(2)).extract().jsonPath();
            page.getList("items.name", String.class).stream().filter(n -> n.startsWith(prefix)).forEach(seen::add);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        org.assertj.core.api.Assertions.assertThat(seen).containsExactly(prefix + 0, prefix + 1, prefix + 2);
    }

    @Test
    void limitAndCursorAreValidated() {
        given().auth().oauth2(admin).queryParam("limit", 0).get("/companies")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(admin).queryParam("limit", 201).get("/companies")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(admin).queryParam("limit", 200).get("/companies")
                .then().statusCode(200);
        given().auth().oauth2(admin).queryParam("cursor", "not-a-cursor").get("/companies")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void lastPageHasNoNextCursor() {
        given().auth().oauth2(TestTokens.companyMember(UUID.randomUUID()).sign()).get("/companies")
                .then().statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
    }

    @Test
    void missingOrForgedTokensAre401WithABearerChallenge() {
        given().when().get("/companies")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.platformAdmin().signWithUnknownKey()).when().get("/companies")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.platformAdmin().issuer("https://evil.example").sign())
                .when().get("/companies")
                .then().statusCode(401);
    }
}
