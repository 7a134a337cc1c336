package dev.gatehouse.directory.web;

import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Input a careless client or an attacker sends gets a 400 problem naming what is wrong, never a 500: a key given
 * twice, text after the JSON, the NUL character in a JSON string, a path or a query, a forged paging cursor.
 * (libs/web StrictJson and NoNulInUrl; every service shares them.)
 */
@QuarkusTest
class HostileInputTest {

    private final String admin = TestTokens.platformAdmin().sign();

    @Test
    void aKeyGivenTwiceOrTextAfterTheBodyIsRefused() {
        json("{\"name\": \"One\", \"name\": \"Two\"}").post("/companies").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("not valid JSON"));
        json("{\"name\": \"One\"} {\"name\": \"Two\"}").post("/companies").then().statusCode(400)
                .contentType("application/problem+json");
        json("{\"name\": \"One\"} garbage").post("/companies").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theNulCharacterIsRefusedInABodyAPathAndAQuery() {
        json("{\"name\": \"Null\\u0000Co\"}").post("/companies").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("name"));
        given().auth().oauth2(admin).urlEncodingEnabled(false).get("/companies/" + UUID.randomUUID() + "%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("NUL"));
        given().auth().oauth2(admin).urlEncodingEnabled(false).get("/companies?cursor=a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("cursor"));
    }

    @Test
    void aBodyMustSayItIsJson() {
        given().auth().oauth2(admin).noContentType()
                .body("{\"name\": \"Untyped Co\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/companies")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType("text/plain").body("{\"name\": \"Plain Co\"}").post("/companies")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(admin).header("Content-Type", "*/*").body("{\"name\": \"Any Co\"}".getBytes())
                .post("/companies").then().statusCode(415).contentType("application/problem+json");
        json("{\"name\": \"Typed " + UUID.randomUUID() + "\"}").post("/companies").then().statusCode(201);
    }

    @Test
    void aForgedCursorWithOverflowingNumbersIsAFieldError() {
        for (String raw : new String[] {"99999999999999:0:x", "9223372036854775807:999999999:x", "-1:0:x",
                "99999999999999999999:0:x"}) {
            String cursor = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            given().auth().oauth2(admin).queryParam("cursor", cursor).get("/companies").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        }
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsA400NamingItNotA404() {
        given().auth().oauth2(admin).queryParam("limit", "abc").get("/companies").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"))
                .body("errors[0].message", equalTo("must be a whole number"));
    }

    private RequestSpecification json(String body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body);
    }
}
