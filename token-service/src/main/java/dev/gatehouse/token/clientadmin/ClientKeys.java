package dev.gatehouse.token.clientadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.web.problem.ProblemException;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import java.net.URI;
import java.util.List;

/** The public keys a client registers for private_key_jwt (RFC 7523 §2.2): checked when registered. */
final class ClientKeys {

    private ClientKeys() {
    }

    /** The JWK Set as stored, or null; 400 unless it holds at least one public signing key and no private part. */
    static String validJwks(JsonNode jwks) {
        if (jwks == null || jwks.isNull()) {
            return null;
        }
        try {
            List<JsonWebKey> keys = new JsonWebKeySet(jwks.toString()).getJsonWebKeys();
            if (keys.isEmpty()) {
                throw ProblemException.invalid("jwks", "must contain at least one key");
            }
            for (JsonWebKey key : keys) {
                if (!(key instanceof PublicJsonWebKey pub) || pub.getPrivateKey() != null) {
                    throw ProblemException.invalid("jwks", "must hold public RSA or EC keys only, never a private key");
                }
            }
            return jwks.toString();
        } catch (JoseException e) {
            throw ProblemException.invalid("jwks", "is not a JWK Set (RFC 7517 §5)");
        }
    }

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    /**
     * The JWKS URL, or null; 400 unless absolute https (plain http only on loopback, for local development).
     * token-service fetches this URL, so it is a server-side request the client steers: see the README.
     */
    static String validJwksUri(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        try {
            URI parsed = URI.create(uri.strip());
            boolean https = "https".equals(parsed.getScheme());
            boolean loopbackHttp = "http".equals(parsed.getScheme()) && LOOPBACK.contains(parsed.getHost());
            if (!parsed.isAbsolute() || parsed.getHost() == null || !(https || loopbackHttp)) {
                throw new IllegalArgumentException();
            }
            return parsed.toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("jwksUri", "must be an absolute https URL");
        }
    }
}
