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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.gatehouse.local.StackCheck.env;
import static dev.gatehouse.local.StackCheck.pass;

/**
 * The smoke test's checks against a running stack. The platform-admin client gets a token from token-service; a
 * company and a project made with it through directory-service's API must show up as events in
 * audit-metrics-service's trail within 5 seconds; after a signing-key rotation, a token signed with the new key
 * must be accepted without restarting anything; the first platform admin signs in as a person (authorization code
 * with PKCE, through the sign-in form) and acts with their own token; disabling their account must end that token on
 * every service within 5 seconds. Prints each check; exit 1 on the first failure.
 */
final class SmokeCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AUDIT_DEADLINE = Duration.ofSeconds(5);
    private static final Duration DISABLE_DEADLINE = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String directory = env("GATEHOUSE_DIRECTORY_URL", "http://localhost:8081");
    private final String audit = env("GATEHOUSE_AUDIT_URL", "http://localhost:8084");
    private final String tokenService = env("GATEHOUSE_ISSUER", "http://localhost:8083");
    private final Path keys = Path.of(env("GATEHOUSE_KEYS_DIR", ".gatehouse/keys"));
    private final Path mail = Path.of(env("GATEHOUSE_MAIL_DIR", ".gatehouse/mail"));

    private SmokeCheck() {
    }

    static int run() {
        return StackCheck.verdict("SMOKE TEST", () -> new SmokeCheck().check());
    }

    private void check() throws Exception {
        AdminClient admin = AdminClient.from(keys);
        String platformAdmin = admin.token();
        pass("token-service issued a platform-admin token (client_credentials)");
        String companyName = "Smoke Co " + UUID.randomUUID().toString().substring(0, 8);

        JsonNode company = send("POST", directory + "/companies", platformAdmin,
                "{\"name\": \"" + companyName + "\"}", 201);
        String companyId = company.get("id").asText();
        long createdAt = System.nanoTime();
        pass("POST /companies created " + companyId);

        JsonNode project = send("POST", directory + "/companies/" + companyId + "/projects", platformAdmin,
                "{\"name\": \"Smoke Project\"}", 201);
        pass("POST /companies/{id}/projects created " + project.get("id").asText());

        Set<String> wanted = Set.of("CompanyCreated", "ProjectCreated");
        Set<String> seen = new HashSet<>();
        long deadline = createdAt + AUDIT_DEADLINE.toNanos();
        while (!seen.containsAll(wanted) && System.nanoTime() < deadline) {
            JsonNode page = send("GET", audit + "/audit/events?companyId=" + companyId, platformAdmin, null, 200);
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

        JsonNode rotated = send("POST", tokenService + "/signing-keys/rotate?algorithm=RS256", platformAdmin, null,
                200);
        String newKid = rotated.get("kid").asText();
        String afterRotation = admin.token();
        send("GET", directory + "/companies/" + companyId, afterRotation, null, 200);
        pass("after rotating to key " + newKid + ", directory-service accepts its tokens without a restart");

        String[] person = PersonSession.firstAdmin(keys);
        String cli = PersonSession.registerCliClient(tokenService, platformAdmin);
        PersonSession session = PersonSession.signIn(tokenService, cli, person[0], person[1]);
        pass("the first platform admin (" + person[0] + ") signed in through the sign-in form: authorization code "
                + "with PKCE, public client " + cli);
        JsonNode own = send("POST", directory + "/companies", session.accessToken,
                "{\"name\": \"" + companyName + " (by a person)\"}", 201);
        JsonNode refreshed = session.refresh(cli);
        send("GET", directory + "/companies/" + own.get("id").asText(), refreshed.get("access_token").asText(), null,
                200);
        pass("with their own token they created company " + own.get("id").asText()
                + "; a rotated refresh gave a new token directory-service accepts");

        String companyAdmin = inviteACompanyAdmin(session.accessToken, own.get("id").asText(), cli);
        new PeopleAccessMatrix(mail, cli, session.accessToken).verify(own.get("id").asText(), companyAdmin);
        disableAndEnable(platformAdmin, refreshed.get("access_token").asText(), cli, person);
    }

    /**
     * The platform admin invites the company's first admin by e-mail: the invitation arrives through the stack's
     * SMTP server, the invitee sets a password through the link, signs in, and acts as the company's admin with a
     * token for that company; their role is the directory's live word (admin on the company Directory tool).
     */
    private String inviteACompanyAdmin(String platformAdminPerson, String companyId, String cli) throws Exception {
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@smoke.example";
        String userId = send("POST", directory + "/companies/" + companyId + "/users", platformAdminPerson,
                "{\"name\": \"Smoke Admin\", \"email\": \"" + email + "\"}", 201).get("id").asText();
        send("PUT", directory + "/companies/" + companyId + "/users/" + userId + "/permissions", platformAdminPerson,
                "{\"permissions\": {\"directory\": \"admin\"}}", 200);
        long invitedAt = System.nanoTime();
        String link = Mailbox.awaitLink(mail, email, Duration.ofSeconds(20));
        pass(String.format("the invitation to %s arrived by e-mail (SMTP) in %.2fs", email,
                (System.nanoTime() - invitedAt) / 1e9));
        String password = "smoke " + UUID.randomUUID();
        PersonSession.acceptInvitation(tokenService, link, password);
        PersonSession admin = PersonSession.signIn(tokenService, cli, email, password);
        long joined = System.nanoTime();
        String companyToken = admin.refreshFor(cli, "urn:gatehouse:company:" + companyId, Duration.ofSeconds(10))
                .get("access_token").asText();
        pass(String.format("token-service knew the new admin's role %.2fs after they joined; a token for company %s",
                (System.nanoTime() - joined) / 1e9, companyId));
        send("GET", directory + "/companies/" + companyId, companyToken, null, 200);
        send("POST", directory + "/companies/" + companyId + "/projects", companyToken,
                "{\"name\": \"Made by the company admin\"}", 201);
        pass("the invitee set a password through the link, signed in, and as the company's admin created a project");
        return companyToken;
    }

    /**
     * A platform admin disables the person's account: their token must be refused by every service within
     * {@link #DISABLE_DEADLINE} (measured), their refresh token must stop working, and after enabling they sign in
     * again.
     */
    private void disableAndEnable(String platformAdmin, String personToken, String cli, String[] person)
            throws Exception {
        String accountId = send("GET", tokenService + "/me", personToken, null, 200).get("id").asText();
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("directory-service", directory + "/companies?limit=1");
        probes.put("app-management-service", env("GATEHOUSE_APPS_URL", "http://localhost:8082") + "/developer-orgs");
        probes.put("token-service", tokenService + "/signing-keys");
        probes.put("audit-metrics-service", audit + "/audit/events?limit=1");
        for (Map.Entry<String, String> probe : probes.entrySet()) {
            send("GET", probe.getValue(), personToken, null, 200);
        }
        long disabledAt = System.nanoTime();
        send("POST", tokenService + "/accounts/" + accountId + "/disable", platformAdmin, "{\"reason\": \"smoke\"}",
                200);
        StringBuilder delays = new StringBuilder();
        for (Map.Entry<String, String> probe : probes.entrySet()) {
            while (status(probe.getValue(), personToken) != 401) {
                if (System.nanoTime() - disabledAt > DISABLE_DEADLINE.toNanos()) {
                    throw new IllegalStateException(probe.getKey() + " still accepts a disabled person's token after "
                            + DISABLE_DEADLINE.toSeconds() + "s");
                }
                Thread.sleep(20);
            }
            delays.append(String.format(" %s %.2fs", probe.getKey(), (System.nanoTime() - disabledAt) / 1e9));
        }
        pass("disabling the account ended the person's token on every service:" + delays);
        send("POST", tokenService + "/accounts/" + accountId + "/enable", platformAdmin, null, 200);
        // Every token of the disable's own second is dead (whole-second iat): sign in again in the next one.
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 5);
        PersonSession again = PersonSession.signIn(tokenService, cli, person[0], person[1]);
        send("GET", directory + "/companies?limit=1", again.accessToken, null, 200);
        pass("enabled again, the person signed in and was let in");
    }

    private int status(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
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
}
