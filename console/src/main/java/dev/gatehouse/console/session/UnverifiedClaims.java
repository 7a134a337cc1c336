package dev.gatehouse.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The claims of a JWT that token-service handed to the console directly, read without checking its signature: only
 * to decide when to refresh and which menus to show. quarkus-oidc verifies the ID token on every request, and each
 * service verifies the access token on every call.
 */
public final class UnverifiedClaims {

    private UnverifiedClaims() {
    }

    /** The payload's claims, or an empty object for anything that is not a JWT. */
    public static JsonNode of(ObjectMapper json, String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length < 2) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return json.createObjectNode();
        }
    }
}
