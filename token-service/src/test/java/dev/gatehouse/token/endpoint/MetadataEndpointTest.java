package dev.gatehouse.token.endpoint;

import dev.gatehouse.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** RFC 8414 metadata: what a client library reads first, at both well-known paths. */
@QuarkusTest
class MetadataEndpointTest {

    @Test
    void metadataNamesTheIssuerAndEndpointsThatWork() {
        JsonPath oauth = given().get("/.well-known/oauth-authorization-server").then().statusCode(200)
                .extract().jsonPath();
        String openid = given().get("/.well-known/openid-configuration").then().statusCode(200).extract().asString();
        assertThat(oauth.prettify()).isEqualTo(new JsonPath(openid).prettify());

        assertThat(oauth.getString("issuer")).isEqualTo(TestTokens.ISSUER);
        assertThat(oauth.getList("grant_types_supported"))
                .containsExactly("client_credentials", "authorization_code", "refresh_token");
        assertThat(oauth.getList("response_types_supported")).containsExactly("code");
        assertThat(oauth.getList("code_challenge_methods_supported")).containsExactly("S256");
        assertThat(oauth.getBoolean("authorization_response_iss_parameter_supported")).isTrue();
        assertThat(oauth.getBoolean("request_uri_parameter_supported")).isFalse();
        assertThat(oauth.getList("token_endpoint_auth_methods_supported"))
                .containsExactly("client_secret_basic", "client_secret_post", "private_key_jwt", "none");
        for (String endpoint : List.of("token_endpoint", "jwks_uri", "introspection_endpoint",
                "revocation_endpoint", "authorization_endpoint", "userinfo_endpoint", "end_session_endpoint")) {
            assertThat(oauth.getString(endpoint)).startsWith(TestTokens.ISSUER + "/oauth2/");
            // every endpoint it names is served here (no 404 for a GET or POST without parameters)
            String path = URI.create(oauth.getString(endpoint)).getPath();
            assertThat(given().redirects().follow(false).get(path).statusCode()).as(path).isNotEqualTo(404);
        }
        // the documented JWKS path is served here
        String jwksPath = URI.create(oauth.getString("jwks_uri")).getPath();
        given().get(jwksPath).then().statusCode(200);
    }
}
