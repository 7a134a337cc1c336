package dev.gatehouse.token;

import dev.gatehouse.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Fixture for the platform's own clients, made through {@code /platform-clients} as a platform admin. */
public final class PlatformClients {

    public static final String BASE = "/platform-clients";

    private PlatformClients() {
    }

    public static Created create() {
        JsonPath body = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"platform " + UUID.randomUUID() + "\"}")
                .post(BASE).then().statusCode(201).extract().jsonPath();
        return new Created(body.getString("clientId"), body.getString("clientSecret"),
                body.getString("secretId"));
    }

    /** A platform admin's token, as the resource servers see it in tests (signed by the test key). */
    public static String admin() {
        return TestTokens.platformAdmin().sign();
    }

    public record Created(String clientId, String secret, String secretId) {
        public String path() {
            return BASE + "/" + clientId;
        }

        public String secretPath() {
            return path() + "/secrets/" + secretId;
        }
    }
}
