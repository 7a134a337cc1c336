package dev.gatehouse.token.key;

import dev.gatehouse.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SigningKeyTest {

    @Inject
    AgroalDataSource dataSource;

    private final String platformAdmin = TestTokens.platformAdmin().sign();

    @Test
    void jwksPublishesPublicKeysForBothAlgorithmsAndNoPrivateParts() {
        JsonPath jwks = given().get("/oauth2/jwks").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> keys = jwks.getList("keys");
        assertThat(keys).extracting(k -> k.get("alg")).contains("RS256", "ES256");
        assertThat(keys).allSatisfy(k -> {
            assertThat(k).containsKeys("kid", "kty", "alg").containsEntry("use", "sig");
            assertThat(k).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
        });
    }

    @Test
    void rotationKeepsThePreviousKeyInJwksAndRetiresTheOneBefore() {
        String first = rotate("ES256");
        String second = rotate("ES256");
        List<String> kids = given().get("/oauth2/jwks").then().statusCode(200).extract().jsonPath()
                .getList("keys.kid", String.class);
        assertThat(kids).contains(first, second);

        String third = rotate("ES256");
        kids = given().get("/oauth2/jwks").then().extract().jsonPath().getList("keys.kid", String.class);
        assertThat(kids).contains(second, third).doesNotContain(first);

        given().auth().oauth2(platformAdmin).get("/signing-keys").then().statusCode(200)
                .body("find { it.kid == '" + first + "' }.status", equalTo("retired"))
                .body("find { it.kid == '" + second + "' }.status", equalTo("previous"))
                .body("find { it.kid == '" + third + "' }.status", equalTo("active"));
    }

    @Inject
    KeyEncryption encryption;

    @Test
    void privateKeysAreStoredOnlyEncrypted() throws Exception {
        int checked = 0;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select kid, algorithm, private_key from signing_key")) {
            while (rs.next()) {
                String kid = rs.getString(1);
                String algorithm = rs.getString(2);
                byte[] stored = rs.getBytes(3);
                assertThatThrownBy(() -> KeyPairs.privateKey(algorithm, stored))
                        .as("stored bytes of %s are not a usable key", kid).isInstanceOf(IllegalStateException.class);
                assertThat(KeyPairs.privateKey(algorithm, encryption.decrypt(kid, stored))).isNotNull();
                // bound to its row: the same ciphertext under another kid does not decrypt
                assertThatThrownBy(() -> encryption.decrypt(kid + "x", stored)).isInstanceOf(IllegalStateException.class);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
    }

    @Test
    void rotationIsForPlatformAdminsAndNamesAnAlgorithm() {
        given().auth().oauth2(TestTokens.companyAdmin(java.util.UUID.randomUUID()).sign())
                .post("/signing-keys/rotate?algorithm=RS256").then().statusCode(403);
        given().auth().oauth2(platformAdmin).post("/signing-keys/rotate?algorithm=HS256").then().statusCode(400)
                .body("errors[0].field", equalTo("algorithm"));
    }

    private String rotate(String algorithm) {
        return given().auth().oauth2(platformAdmin).post("/signing-keys/rotate?algorithm=" + algorithm)
                .then().statusCode(200).body("status", equalTo("active")).extract().path("kid");
    }
}
