package dev.gatehouse.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.gatehouse.local.StackCheck.env;

/**
 * {@code console-client --dir KEYS --console-url URL}: the console is a first-party client of token-service like any
 * relying party, registered by a platform admin ({@code POST /first-party-clients}). On a fresh stack this registers
 * it with the console's redirect URIs and keeps its id and secret in {@code console-client.env} (mode 600); later
 * starts reuse them while token-service still knows the client. Prints {@code console-client-created} or
 * {@code console-client-kept}.
 */
final class ConsoleClient {

    static final String FILE = "console-client.env";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsoleClient() {
    }

    static int run(Map<String, String> options) throws Exception {
        Path keys = Path.of(Launcher.require(options, "dir"));
        String console = Launcher.require(options, "console-url");
        String issuer = env("GATEHOUSE_ISSUER", "http://localhost:8083");
        Path file = keys.resolve(FILE);
        AdminClient admin = AdminClient.from(keys);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = admin.token();
        if (Files.exists(file)) {
            String id = LocalKeys.read(file).get("GATEHOUSE_CONSOLE_CLIENT_ID");
            HttpResponse<String> known = http.send(HttpRequest.newBuilder(URI.create(issuer
                    + "/first-party-clients/" + id)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (known.statusCode() == 200) {
                System.out.println("console-client-kept");
                return 0;
            }
            Files.delete(file);
        }
        String body = JSON.writeValueAsString(Map.of("name", "Gatehouse console at " + console,
                "description", "The web console people sign in to (deploy/local/run.sh registered it)",
                "redirectUris", List.of(console + "/signin/callback"),
                "postLogoutRedirectUris", List.of(console + "/signed-out")));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(issuer + "/first-party-clients"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            System.err.println("token-service refused to register the console: " + created.statusCode());
            return 1;
        }
        JsonNode client = JSON.readTree(created.body());
        LocalKeys.writeOnce(file, "GATEHOUSE_CONSOLE_CLIENT_ID=" + client.get("clientId").asText() + "\n"
                + "GATEHOUSE_CONSOLE_CLIENT_SECRET=" + client.get("clientSecret").asText() + "\n");
        System.out.println("console-client-created");
        return 0;
    }
}
