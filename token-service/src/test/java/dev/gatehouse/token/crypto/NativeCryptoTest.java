package dev.gatehouse.token.crypto;

import dev.gatehouse.token.issue.AccessTokenIssuer;
import dev.gatehouse.token.key.KeyPairs;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tokens signed through the native provider must verify for resource servers that use plain JDK crypto, with the
 * keys our JWKS publishes.
 */
@QuarkusTest
class NativeCryptoTest {

    @Inject
    AccessTokenIssuer issuer;

    @Test
    void theNativeProviderSignsHereWhereItCanLoad() {
        assumeTrue("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch")),
                "ACCP ships native code for linux-x86_64 only");
        assertThat(NativeCrypto.installed()).isTrue();
    }

    @Test
    void rs256AndEs256TokensVerifyWithTheJdksOwnProviders() throws Exception {
        JsonWebKeySet jwks = new JsonWebKeySet(given().get("/oauth2/jwks").then().statusCode(200).extract().asString());
        verifyWithJdk(issue(KeyPairs.RS256), jwks, "SHA256withRSA", "SunRsaSign");
        verifyWithJdk(issue(KeyPairs.ES256), jwks, "SHA256withECDSAinP1363Format", "SunEC");
    }

    private String issue(String algorithm) {
        return issuer.issue("c", "c", UUID.randomUUID(), List.of(), List.of(), 60, algorithm).value();
    }

    private static void verifyWithJdk(String jwt, JsonWebKeySet jwks, String algorithm, String provider)
            throws Exception {
        String[] parts = jwt.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String kid = header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
        PublicJsonWebKey key = (PublicJsonWebKey) jwks.findJsonWebKey(kid, null, null, null);
        assertThat(key).as("kid %s in the JWKS", kid).isNotNull();
        Signature jdk = Signature.getInstance(algorithm, provider);
        jdk.initVerify(key.getPublicKey());
        jdk.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(jdk.verify(Base64.getUrlDecoder().decode(parts[2]))).as(algorithm + " via " + provider).isTrue();
    }
}
