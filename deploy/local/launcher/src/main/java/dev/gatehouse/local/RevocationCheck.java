package dev.gatehouse.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dev.gatehouse.local.StackCheck.env;
import static dev.gatehouse.local.StackCheck.pass;

/**
 * Dead tokens stop everywhere, measured against a running stack. A second platform-admin client is made; its
 * token, revoked through RFC 7009, must be refused by all four services (401 {@code invalid_token}) and the time
 * from the revocation's answer to each service's first refusal is measured, {@code samples} times, and printed as
 * p50/p99/max. Then the client is disabled: a token it held is refused everywhere, enabling it again does not bring
 * that token back, and after directory-service restarts (when the stack runs under run.sh) both dead tokens are
 * still refused. Last, a company service account's token ends on every service when the account is disabled, its
 * secret regenerated, or it is deleted. The check fails when a service has not refused a dead token within
 * {@link #DEADLINE}.
 */
final class RevocationCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration DEADLINE = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tokens = env("GATEHOUSE_ISSUER", "http://localhost:8083");
    private final Map<String, String> probes = new LinkedHashMap<>();
    private final Path keys = Path.of(env("GATEHOUSE_KEYS_DIR", ".gatehouse/keys"));
    private final Path run = Path.of(env("GATEHOUSE_RUN_DIR", ".gatehouse/run"));
    private final int samples;

    private RevocationCheck(int samples) {
        this.samples = samples;
        probes.put("directory-service", env("GATEHOUSE_DIRECTORY_URL", "http://localhost:8081") + "/companies");
        probes.put("app-management-service", env("GATEHOUSE_APPS_URL", "http://localhost:8082") + "/developer-orgs");
        probes.put("token-service", tokens + "/signing-keys");
        probes.put("audit-metrics-service", env("GATEHOUSE_AUDIT_URL", "http://localhost:8084")
                + "/audit/events?limit=1");
    }

    /** {@code revocation [--samples N]}: the check on its own, e.g. for more samples than the smoke test takes. */
    static int run(Map<String, String> options) {
        return run(Integer.parseInt(options.getOrDefault("samples", "20")));
    }

    static int run(int samples) {
        return StackCheck.verdict("REVOCATION CHECK", () -> new RevocationCheck(samples).check());
    }

    private void check() throws Exception {
        String admin = AdminClient.from(keys).token();
        JsonNode created = send("POST", tokens + "/platform-clients", bearer(admin),
                "application/json", "{\"name\": \"revocation check " + UUID.randomUUID() + "\"}", 201);
        String clientId = created.get("clientId").asText();
        String basic = basic(clientId, created.get("clientSecret").asText());
        pass("a second platform-admin client " + clientId + " (POST /platform-clients)");

        Map<String, List<Double>> delays = new LinkedHashMap<>();
        probes.keySet().forEach(name -> delays.put(name, new ArrayList<>()));
        String lastRevoked = null;
        for (int i = 0; i < samples; i++) {
            String token = token(basic);
            for (String url : probes.values()) {
                send("GET", url, bearer(token), null, null, 200);
            }
            send("POST", tokens + "/oauth2/revoke", basic, "application/x-www-form-urlencoded",
                    "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), 200);
            long revokedAt = System.nanoTime();
            Map<String, Double> one = refusedEverywhere(token, revokedAt);
            one.forEach((name, seconds) -> delays.get(name).add(seconds));
            lastRevoked = token;
        }
        pass(samples + " revoked tokens refused by every service (401 invalid_token); delay from the revocation's "
                + "answer to the first refusal:");
        List<Double> all = new ArrayList<>();
        delays.forEach((name, list) -> {
            all.addAll(list);
            System.out.println("      " + summary(name, list));
        });
        System.out.println("      " + summary("all services", all));

        String held = token(basic);
        send("POST", tokens + "/platform-clients/" + clientId + "/disable", bearer(admin), "application/json",
                "{\"reason\": \"revocation check\"}", 200);
        refusedEverywhere(held, System.nanoTime());
        pass("disabling the client: the token it held is refused by every service");
        send("POST", tokens + "/platform-clients/" + clientId + "/enable", bearer(admin), null, null, 200);
        for (String url : probes.values()) {
            send("GET", url, bearer(held), null, null, 401);
        }
        pass("enabling it again does not bring that token back");

        boolean restarted = restartDirectory();
        String directory = probes.get("directory-service");
        send("GET", directory, bearer(held), null, null, 401);
        send("GET", directory, bearer(lastRevoked), null, null, 401);
        pass(restarted ? "after directory-service restarted, both dead tokens are still refused there"
                : "both dead tokens are still refused by directory-service");
        send("DELETE", tokens + "/platform-clients/" + clientId, bearer(admin), null, null, 204);
        companyServiceAccountsEndEverywhere(admin);
    }

    /**
     * A company's service account (Itential's model): disabling it, regenerating its secret and deleting it each end
     * the tokens it holds on every service, not only at introspection.
     */
    private void companyServiceAccountsEndEverywhere(String admin) throws Exception {
        String company = send("POST", probes.get("directory-service"), bearer(admin), "application/json",
                "{\"name\": \"Revocation Co " + UUID.randomUUID() + "\"}", 201).get("id").asText();
        String accounts = tokens + "/companies/" + company + "/service-accounts";
        long known = System.nanoTime();
        JsonNode created = null;
        while (created == null) {
            // token-service learns the company from the directory's events, within moments
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(accounts))
                    .header("Authorization", bearer(admin)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"integration\", \"scopes\": "
                            + "[\"projects.read\"]}")).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 201) {
                created = JSON.readTree(answer.body());
            } else if (answer.statusCode() != 404 || System.nanoTime() - known > DEADLINE.toNanos()) {
                throw new IllegalStateException("POST " + accounts + " answered " + answer.statusCode() + ": "
                        + answer.body());
            } else {
                Thread.sleep(50);
            }
        }
        String clientId = created.get("clientId").asText();
        String account = accounts + "/" + clientId;
        String basic = basic(clientId, created.get("clientSecret").asText());

        String held = liveToken(basic);
        send("POST", account + "/disable", bearer(admin), "application/json", "{\"reason\": \"check\"}", 200);
        refusedEverywhere(held, System.nanoTime());
        send("POST", account + "/enable", bearer(admin), null, null, 200);
        pass("disabling company service account " + clientId + ": the token it held is refused by every service");

        held = liveToken(basic);
        String secret = send("POST", account + "/regenerate-secret", bearer(admin), null, null, 201)
                .get("clientSecret").asText();
        refusedEverywhere(held, System.nanoTime());
        basic = basic(clientId, secret);
        pass("regenerating its secret: the token from the old one is refused by every service");

        held = liveToken(basic);
        send("DELETE", account, bearer(admin), null, null, 204);
        refusedEverywhere(held, System.nanoTime());
        pass("deleting it: its last token is refused by every service");
    }

    /**
     * A token the directory accepts, taken in a later second than any cut-off just made: a cut-off ends every token
     * of its own second (whole-second {@code iat}), so a token from that second would be dead at birth.
     */
    private String liveToken(String basic) throws Exception {
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 5);
        String token = token(basic);
        send("GET", probes.get("directory-service"), bearer(token), null, null, 200);
        return token;
    }

    /** Polls every service until each refuses the token; the seconds each took after {@code since}. */
    private Map<String, Double> refusedEverywhere(String token, long since) throws Exception {
        Map<String, CompletableFuture<Double>> pending = new LinkedHashMap<>();
        for (Map.Entry<String, String> probe : probes.entrySet()) {
            pending.put(probe.getKey(), CompletableFuture.supplyAsync(() -> firstRefusal(probe, token, since)));
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<Double>> p : pending.entrySet()) {
            seconds.put(p.getKey(), p.getValue().join());
        }
        return seconds;
    }

    private double firstRefusal(Map.Entry<String, String> probe, String token, long since) {
        long deadline = since + DEADLINE.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(probe.getValue()))
                        .header("Authorization", bearer(token)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 401) {
                    double took = (System.nanoTime() - since) / 1e9;
                    String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
                    if (!challenge.contains("error=\"invalid_token\"")) {
                        throw new IllegalStateException(probe.getKey() + " refused with WWW-Authenticate '"
                                + challenge + "', expected error=\"invalid_token\"");
                    }
                    return took;
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(probe.getKey() + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException(probe.getKey() + " still accepted a dead token after "
                + DEADLINE.toSeconds() + " s");
    }

    /** Asks run.sh to restart directory-service and waits until it is ready again; false if not under run.sh. */
    private boolean restartDirectory() throws Exception {
        Path request = run.resolve("directory-service.restart");
        if (!Files.isDirectory(run)) {
            pass("(no run folder at " + run + ": restart skipped)");
            return false;
        }
        Files.writeString(request, "");
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (Files.exists(request) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (Files.exists(request)) {
            throw new IllegalStateException("directory-service did not restart within 180 s");
        }
        pass("directory-service restarted; run.sh waited for its readiness (revocation feed caught up)");
        return true;
    }

    private String token(String basic) throws Exception {
        return send("POST", tokens + "/oauth2/token", basic, "application/x-www-form-urlencoded",
                "grant_type=client_credentials", 200).get("access_token").asText();
    }

    private JsonNode send(String method, String url, String authorization, String type, String body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode()
                    + " (expected " + expected + ")");
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    static String summary(String name, List<Double> seconds) {
        List<Double> sorted = seconds.stream().sorted().toList();
        return String.format("%-24s n=%d p50=%.0fms p99=%.0fms max=%.0fms", name, sorted.size(),
                percentile(sorted, 0.50) * 1000, percentile(sorted, 0.99) * 1000,
                sorted.get(sorted.size() - 1) * 1000);
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
