package dev.gatehouse.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static dev.gatehouse.local.StackCheck.env;

/**
 * The platform-admin client's credentials (environment first, else the data folder's admin-client.env) and
 * tokens for it from token-service, with the client_credentials grant.
 */
final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String clientId;
    private final String secret;
    private final String issuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AdminClient(String clientId, String secret, String issuer) {
        this.clientId = clientId;
        this.secret = secret;
        this.issuer = issuer;
    }

    String clientId() {
        return clientId;
    }

    static AdminClient from(Path keysDir) throws IOException {
        Path file = keysDir.resolve(LocalKeys.ADMIN_CLIENT);
        Map<String, String> values = Files.exists(file) ? LocalKeys.read(file) : Map.of();
        String id = env("GATEHOUSE_ADMIN_CLIENT_ID", values.get("GATEHOUSE_ADMIN_CLIENT_ID"));
        String secret = env("GATEHOUSE_ADMIN_CLIENT_SECRET", values.get("GATEHOUSE_ADMIN_CLIENT_SECRET"));
        if (id == null || secret == null) {
            throw new IllegalStateException("no platform-admin credentials in the environment or " + file);
        }
        return new AdminClient(id, secret, env("GATEHOUSE_ISSUER", "http://localhost:8083"));
    }

    /** {@code token --dir DIR}: prints a platform-admin access token. */
    static int printToken(Map<String, String> options) throws Exception {
        System.out.println(from(Path.of(Launcher.require(options, "dir"))).token());
        return 0;
    }

    /** A fresh access token (RFC 6749 §4.4, client_secret_basic). */
    String token() throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(secret))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token-service answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return body.get("access_token").asText();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
