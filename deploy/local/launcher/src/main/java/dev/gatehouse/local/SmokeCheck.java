package dev.gatehouse.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The smoke test's checks against a running stack: a company and a project made through directory-service's API
 * must show up as events in audit-metrics-service's trail within 5 seconds. Prints each check; exit 1 on the first
 * failure.
 */
final class SmokeCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AUDIT_DEADLINE = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String directory = env("GATEHOUSE_DIRECTORY_URL", "http://localhost:8081");
    private final String audit = env("GATEHOUSE_AUDIT_URL", "http://localhost:8084");
    private final Path keys = Path.of(env("GATEHOUSE_KEYS_DIR", ".gatehouse/keys"));

    private SmokeCheck() {
    }

    static int run() {
        try {
            new SmokeCheck().check();
            System.out.println("SMOKE TEST PASSED");
            return 0;
        } catch (Exception e) {
            System.out.println("  ✗ " + e.getMessage());
            System.out.println("SMOKE TEST FAILED");
            return 1;
        }
    }

    private void check() throws Exception {
        String platformAdmin = DevTokens.sign(keys, "platform_admin", null, "smoke-platform-admin", 600);
        String companyName = "Smoke Co " + UUID.randomUUID().toString().substring(0, 8);

        JsonNode company = send("POST", directory + "/companies", platformAdmin,
                "{\"name\": \"" + companyName + "\"}", 201);
        String companyId = company.get("id").asText();
        long createdAt = System.nanoTime();
        pass("POST /companies created " + companyId);

        String companyAdmin = DevTokens.sign(keys, "company_admin", companyId, "smoke-company-admin", 600);
        JsonNode project = send("POST", directory + "/companies/" + companyId + "/projects", companyAdmin,
                "{\"name\": \"Smoke Project\"}", 201);
        pass("POST /companies/{id}/projects created " + project.get("id").asText());

        Set<String> wanted = Set.of("CompanyCreated", "ProjectCreated");
        Set<String> seen = new HashSet<>();
        long deadline = createdAt + AUDIT_DEADLINE.toNanos();
        while (!seen.containsAll(wanted) && System.nanoTime() < deadline) {
            JsonNode page = send("GET", audit + "/audit/events?companyId=" + companyId, companyAdmin, null, 200);
            page.get("items").forEach(item -> seen.add(item.get("type").asText()));
            if (!seen.containsAll(wanted)) {
                Thread.sleep(100);
            }
        }
        if (!seen.containsAll(wanted)) {
            throw new IllegalStateException("audit trail shows " + seen + " after " + AUDIT_DEADLINE.toSeconds()
                    + "s; expected " + wanted);
        }
        pass(String.format("audit trail shows %s within %.2fs", wanted, (System.nanoTime() - createdAt) / 1e9));
    }

    private JsonNode send(String method, String url, String token, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode()
                    + " (expected " + expected + "): " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static void pass(String what) {
        System.out.println("  ✓ " + what);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
