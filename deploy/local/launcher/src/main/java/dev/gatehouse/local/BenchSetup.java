package dev.gatehouse.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * {@code bench-setup --dir DIR}: creates the benchmark's clients through token-service's admin API (an RS256 and
 * an ES256 service account, and one that introspects) and prints them as shell assignments, with an access token
 * to introspect (the introspecting service account's, which also reads its company from directory-service: the
 * usage-recording benchmark) and that company's id. For deploy/local/benchmark.sh only: it prints secrets.
 */
final class BenchSetup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchSetup() {
    }

    static int run(Map<String, String> options) throws Exception {
        AdminClient admin = AdminClient.from(Path.of(Launcher.require(options, "dir")));
        String issuer = System.getenv().getOrDefault("GATEHOUSE_ISSUER", "http://localhost:8083");
        String token = admin.token();
        HttpClient http = HttpClient.newHttpClient();
        UUID company = company(http, token);
        StringBuilder out = new StringBuilder();
        for (String alg : new String[] {"RS256", "ES256"}) {
            JsonNode created = create(http, issuer, token, company, "bench " + alg + " " + UUID.randomUUID(), alg);
            out.append(alg).append("_BASIC=").append(basic(created)).append('\n');
        }
        JsonNode introspector = create(http, issuer, token, company, "bench introspector " + UUID.randomUUID(),
                "RS256");
        out.append("INTROSPECT_BASIC=").append(basic(introspector)).append('\n');
        HttpRequest grant = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic(introspector))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        String accessToken = JSON.readTree(http.send(grant, HttpResponse.BodyHandlers.ofString()).body())
                .get("access_token").asText();
        out.append("INTROSPECT_TOKEN=").append(accessToken).append('\n');
        out.append("COMPANY_ID=").append(company).append('\n');
        System.out.print(out);
        return 0;
    }

    /** A company made through directory-service: token-service makes service accounts only for real ones. */
    private static UUID company(HttpClient http, String token) throws Exception {
        String directory = System.getenv().getOrDefault("GATEHOUSE_DIRECTORY_URL", "http://localhost:8081");
        HttpRequest request = HttpRequest.newBuilder(URI.create(directory + "/companies"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"bench " + UUID.randomUUID() + "\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating the benchmark company answered " + response.statusCode());
        }
        return UUID.fromString(JSON.readTree(response.body()).get("id").asText());
    }

    /** Retries while token-service has not yet heard of the company (404), for up to 30 s. */
    private static JsonNode create(HttpClient http, String issuer, String token, UUID company, String name,
            String alg) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/companies/" + company
                        + "/service-accounts"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\", \"signingAlgorithm\": \""
                        + alg + "\"}")).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        while (response.statusCode() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating a benchmark client answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private static String basic(JsonNode created) {
        return Base64.getEncoder().encodeToString((created.get("clientId").asText() + ":"
                + created.get("clientSecret").asText()).getBytes(StandardCharsets.UTF_8));
    }
}
