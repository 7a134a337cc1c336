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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.gatehouse.local.StackCheck.env;
import static dev.gatehouse.local.StackCheck.pass;

/**
 * The developer-managed service account story, end to end over HTTP through the four running services (issue 4),
 * each step done by the person the seeds name, signed in through the authorization code flow as a program would:
 * the platform admin only creates the company and the developer organization and invites their first admin and
 * owner by e-mail; a developer registers an app and publishes 1.0.0 and takes its secret; the company admin turns
 * it on; a member asks for it; the admin approves, which installs it with two projects; the DMSA
 * user appears with the right name and permissions; the app's token works for that company and those projects
 * only; a project is removed and access to it goes; 1.1.0 adds a permission; the upgrade request shows the diff;
 * approval brings the permission; uninstalling refuses tokens; a legacy (deprecated) service account works and is
 * then migrated onto the app, which ends its credentials; the audit trail shows every step with its company and
 * the person who did it. In the middle, one service (GATEHOUSE_E2E_RESTART, default token-service) is restarted through
 * run.sh, and the story carries on: calls to it are retried until it is back, and nothing is lost. With replicas
 * behind the load balancer (run.sh with GATEHOUSE_REPLICAS) and GATEHOUSE_E2E_KILL_REPLICA=k, replica k of every
 * service is killed with SIGKILL instead, run.sh starts them again, and the story reports what it saw meanwhile
 * ({@link ClientObservations}).
 * Prints each step; exit 1 on the first failure.
 */
final class DmsaStory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(180);
    private static final String MANIFEST_1_0 = """
            {"companyPermissions": {"directory": "read_only"},
             "projectPermissions": {"documents": "standard"},
             "scopes": ["directory.read", "documents.write"],
             "postInstallNotes": "Choose the projects to sync."}""";
    private static final String MANIFEST_FOR_PEOPLE = """
            {"companyPermissions": {"projects": "read_only"},
             "projectPermissions": {},
             "scopes": ["projects.read"],
             "redirectUris": ["http://127.0.0.1:53682/callback"],
             "justifications": {"projects": "Lists the projects you work on",
                                "projects.read": "Reads project names"}}""";
    private static final String MANIFEST_1_1 = """
            {"companyPermissions": {"directory": "read_only", "budget": "read_only"},
             "projectPermissions": {"documents": "standard"},
             "scopes": ["directory.read", "documents.write", "budget.read"]}""";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String directory = env("GATEHOUSE_DIRECTORY_URL", "http://localhost:8081");
    private final String apps = env("GATEHOUSE_APPS_URL", "http://localhost:8082");
    private final String tokens = env("GATEHOUSE_ISSUER", "http://localhost:8083");
    private final String audit = env("GATEHOUSE_AUDIT_URL", "http://localhost:8084");
    private final Path keys = Path.of(env("GATEHOUSE_KEYS_DIR", ".gatehouse/keys"));
    private final Path mail = Path.of(env("GATEHOUSE_MAIL_DIR", ".gatehouse/mail"));
    private final Path run = Path.of(env("GATEHOUSE_RUN_DIR", ".gatehouse/run"));
    private final String restart = env("GATEHOUSE_E2E_RESTART", "token-service");
    private final String killReplica = env("GATEHOUSE_E2E_KILL_REPLICA", "");
    private final ClientObservations seen = new ClientObservations();
    private final Map<String, Long> killed = new LinkedHashMap<>();
    private final String openIdClientCheck = env("GATEHOUSE_OPENID_CLIENT_CHECK",
            "deploy/local/openid-client/run.sh");
    private AdminClient admin;
    /** The access token of the person doing the current step. */
    private String acting;
    private String cli;

    private DmsaStory() {
    }

    static int run() {
        return StackCheck.verdict("DMSA END-TO-END STORY", () -> new DmsaStory().story());
    }

    private void story() throws Exception {
        admin = AdminClient.from(keys);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        cli = PersonSession.registerCliClient(tokens, admin.token());
        String[] first = PersonSession.firstAdmin(keys);
        acting = PersonSession.signIn(tokens, cli, first[0], first[1]).accessToken;
        String platformAdmin = acting;
        pass("the first platform admin signed in (authorization code with PKCE, public client " + cli + ")");

        step("the platform admin creates the company and the developer organization and invites their first "
                + "admin and owner by e-mail");
        String company = post(directory + "/companies", "{\"name\": \"E2E Builders " + suffix + "\"}", 201)
                .get("id").asText();
        String otherCompany = post(directory + "/companies", "{\"name\": \"E2E Others " + suffix + "\"}", 201)
                .get("id").asText();
        String org = post(apps + "/developer-orgs", "{\"name\": \"E2E Devs " + suffix + "\"}", 201).get("id").asText();
        String adminEmail = "admin-" + suffix + "@builders.example";
        String adminUser = post(directory + "/companies/" + company + "/users", "{\"name\": \"Ada Admin\", "
                + "\"email\": \"" + adminEmail + "\"}", 201).get("id").asText();
        expect("PUT", directory + "/companies/" + company + "/users/" + adminUser + "/permissions", null,
                "{\"permissions\": {\"directory\": \"admin\"}}", 200, "Ada is the company's admin (admin on its "
                        + "Directory tool)");
        String ownerEmail = "owner-" + suffix + "@devs.example";
        post(apps + "/developer-orgs/" + org + "/members", "{\"name\": \"Dev Owner\", \"email\": \"" + ownerEmail
                + "\", \"role\": \"owner\"}", 201);
        Person companyAdmin = join(adminEmail, "company", company);
        Person developer = join(ownerEmail, "developer-org", org);

        step("the company admin creates three projects and invites a member");
        acting = companyAdmin.token;
        String p1 = project(company, "Tower A");
        String p2 = project(company, "Tower B");
        String p3 = project(company, "Tower C");
        String memberEmail = "member-" + suffix + "@builders.example";
        String memberUser = post(directory + "/companies/" + company + "/users", "{\"name\": \"Max Member\", "
                + "\"email\": \"" + memberEmail + "\"}", 201).get("id").asText();
        Person member = join(memberEmail, "company", company);

        step("the developer registers an app and publishes 1.0.0 (app-management-service)");
        acting = developer.token;
        String appName = "My DMSA Test App " + suffix;
        JsonNode app = post(apps + "/apps", "{\"developerOrgId\": \"" + org + "\", \"name\": \"" + appName + "\", "
                + "\"contactEmail\": \"support@" + suffix + ".example\", \"privacyPolicyUrl\": \"https://" + suffix
                + ".example/privacy\"}", 201);
        String appId = app.get("id").asText();
        String clientId = app.get("clientId").asText();
        post(apps + "/apps/" + appId + "/versions", "{\"version\": \"1.0.0\", \"manifest\": " + MANIFEST_1_0 + "}",
                201);
        post(apps + "/apps/" + appId + "/versions/1.0.0/publish", null, 200);
        pass("app " + appId + " published 1.0.0; its OAuth client is " + clientId);

        step("the platform admin reviews the marketplace listing and approves it");
        // 404 for the app itself (not for a company app-management has not heard of yet).
        eventually("before the review no company sees the app",
                () -> send("GET", apps + "/companies/" + company + "/app-bindings/" + appId, companyAdmin.token, null),
                r -> r.statusCode() == 404 && r.body().path("detail").asText().startsWith("App "));
        pass("before the review no company sees the app (404)");
        acting = platformAdmin;
        JsonNode approved = post(apps + "/listing-reviews/" + appId + "/approve",
                "{\"note\": \"Permissions match what the app does.\"}", 200);
        check("approved".equals(approved.get("listingStatus").asText()) && approved.hasNonNull("listedAt"),
                "the listing is approved and the app listed");

        step("the developer gets the app's one secret from token-service, shown once");
        String secret = eventually("token-service created the app client from AppRegistered",
                () -> send("POST", tokens + "/clients/" + clientId + "/secrets", acting, null),
                r -> r.statusCode() == 201).body().get("clientSecret").asText();
        pass("secret received (not printed)");
        AppCredentials credentials = new AppCredentials(clientId, secret);

        step("the company admin turns the app on; a member finds it in the catalogue and asks for it");
        acting = companyAdmin.token;
        eventually("app-management knows the company",
                () -> send("PUT", apps + "/companies/" + company + "/app-bindings/" + appId, acting,
                        "{\"state\": \"on\"}"), r -> r.statusCode() == 200);
        acting = member.token;
        JsonNode listed = null;
        for (JsonNode entry : get(apps + "/companies/" + company + "/apps").get("items")) {
            listed = appId.equals(entry.get("appId").asText()) ? entry : listed;
        }
        check(listed != null && "read_only".equals(listed.at("/latestVersion/manifest/companyPermissions/directory")
                        .asText()) && listed.get("installable").asBoolean()
                        && ("support@" + suffix + ".example").equals(listed.at("/listing/contactEmail").asText()),
                "the company's catalogue shows the app, on, with its contact and full manifest before anyone "
                        + "installs it");
        String installRequest = eventually("app-management knows both projects",
                () -> send("POST", apps + "/companies/" + company + "/install-requests", acting,
                        "{\"appId\": \"" + appId + "\", \"projectAccess\": \"selected\", \"projectIds\": [\"" + p1
                                + "\", \"" + p2 + "\"], \"note\": \"for the document sync\"}"),
                r -> r.statusCode() == 201).body().get("id").asText();
        pass("install request " + installRequest + " by the member");

        step("the company admin approves the request, which installs the app with the two projects");
        acting = companyAdmin.token;
        String installationId = post(apps + "/companies/" + company + "/install-requests/" + installRequest
                + "/approve", null, 200).get("installationId").asText();
        JsonNode installation = get(apps + "/companies/" + company + "/installations/" + installationId);
        String appUserId = installation.get("appUserId").asText();
        pass("installation " + installationId + ", app user " + appUserId);

        step("the DMSA user appears in the directory with the right name and permissions");
        JsonNode user = eventually("directory-service created the app user",
                () -> send("GET", directory + "/companies/" + company + "/users/" + appUserId, acting, null),
                r -> r.statusCode() == 200).body();
        String expectedPrefix = appName.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-";
        String name = user.get("name").asText();
        check(name.startsWith(expectedPrefix) && name.substring(expectedPrefix.length()).matches("[0-9a-f]{8}"),
                "named like the seed: " + name);
        check("app".equals(user.get("kind").asText()), "listed as an app user");
        JsonNode permissions = get(directory + "/companies/" + company + "/users/" + appUserId + "/permissions");
        check("read_only".equals(permissions.at("/permissions/directory").asText()),
                "company permissions: directory read_only");
        for (String p : List.of(p1, p2)) {
            JsonNode membership = get(directory + "/companies/" + company + "/projects/" + p + "/members/"
                    + appUserId);
            check("standard".equals(membership.at("/permissions/documents").asText()),
                    "member of project " + p + " with documents standard");
        }

        step("the app's token works for that company and those projects only");
        JsonNode token = eventually("token-service knows the installation",
                () -> credentials.token(tokens, "company_id=" + company), r -> r.statusCode() == 200).body();
        check(token.get("project_ids").toString().contains(p1) && token.get("project_ids").toString().contains(p2),
                "the token response lists projects " + p1 + " and " + p2);
        String appToken = token.get("access_token").asText();
        expect("GET", directory + "/companies/" + company + "/users", appToken, null, 200,
                "with directory read_only it lists the company's users");
        expect("POST", directory + "/companies/" + company + "/users", appToken,
                "{\"name\": \"Mallory\", \"email\": \"mallory-" + suffix + "@example.com\"}", 403,
                "but may not add one");
        expect("GET", directory + "/companies/" + company + "/projects/" + p1, appToken, null, 200,
                "it sees permitted project " + p1);
        expect("GET", directory + "/companies/" + company + "/projects/" + p3, appToken, null, 403,
                "not project " + p3);
        HttpResult foreign = credentials.token(tokens, "company_id=" + otherCompany);
        check(foreign.statusCode() == 400 && "invalid_target".equals(foreign.body().get("error").asText()),
                "no token for a company that did not install it: " + foreign.body().get("error_description"));

        step("the admin removes project " + p1 + "; access to it goes");
        send("DELETE", apps + "/companies/" + company + "/installations/" + installationId
                + "/permitted-projects/" + p1, acting, null);
        eventually("the directory took the app user off " + p1,
                () -> send("GET", directory + "/companies/" + company + "/projects/" + p1, appToken, null),
                r -> r.statusCode() == 403);
        pass("the same token now gets 403 on " + p1);
        JsonNode after = credentials.token(tokens, "company_id=" + company).body();
        check(!after.get("project_ids").toString().contains(p1), "new tokens no longer list " + p1);

        step("the developer publishes 1.1.0, which adds budget read_only");
        acting = developer.token;
        post(apps + "/apps/" + appId + "/versions", "{\"version\": \"1.1.0\", \"manifest\": " + MANIFEST_1_1 + "}",
                201);
        post(apps + "/apps/" + appId + "/versions/1.1.0/publish", null, 200);
        restartMidStory();

        step("an upgrade request with the exact diff waits for the admin");
        acting = companyAdmin.token;
        String requests = apps + "/companies/" + company + "/installations/" + installationId + "/upgrade-requests";
        JsonNode request = eventually("the upgrade request exists", () -> send("GET", requests, acting, null),
                r -> r.statusCode() == 200 && r.body().size() == 1).body().get(0);
        check("1.0.0".equals(request.get("fromVersion").asText()) && "1.1.0".equals(request.get("toVersion").asText()),
                "from 1.0.0 to 1.1.0");
        check(request.at("/diff/companyPermissions/0/tool").asText().equals("budget")
                        && request.at("/diff/companyPermissions/0/change").asText().equals("added"),
                "diff: budget none → read_only (added); scopes added " + request.at("/diff/scopesAdded"));
        post(requests + "/" + request.get("id").asText() + "/approve", null, 200);
        pass("approved");

        step("the new permission is there");
        eventually("the directory gave the app user budget read_only",
                () -> send("GET", directory + "/companies/" + company + "/users/" + appUserId + "/permissions",
                        acting, null),
                r -> r.statusCode() == 200 && "read_only".equals(r.body().at("/permissions/budget").asText()));
        pass("directory: budget read_only");
        eventually("token-service grants budget.read",
                () -> credentials.token(tokens, "company_id=" + company + "&scope=budget.read"),
                r -> r.statusCode() == 200);
        pass("token-service: a token with scope budget.read");

        step("the admin turns the app off: the installation is kept but suspended; on again, it is back");
        String beforeOff = credentials.token(tokens, "company_id=" + company).body().get("access_token").asText();
        JsonNode off = send("PUT", apps + "/companies/" + company + "/app-bindings/" + appId, acting,
                "{\"state\": \"off\"}").body();
        check(off.at("/installation/suspended").asBoolean(), "the binding's answer shows the suspended installation");
        HttpResult turnedOff = eventually("token-service refuses tokens for the company",
                () -> credentials.token(tokens, "company_id=" + company), r -> r.statusCode() == 400);
        pass("token endpoint: " + turnedOff.body().get("error_description").asText());
        eventually("directory-service refuses the app's earlier token",
                () -> send("GET", directory + "/companies/" + company + "/users", beforeOff, null),
                r -> r.statusCode() == 403);
        pass("an earlier token of the app is refused by directory-service while the app is off");
        send("PUT", apps + "/companies/" + company + "/app-bindings/" + appId, acting, "{\"state\": \"on\"}");
        // A fresh token each time: one from the very second the app was turned off stays dead (whole-second iat).
        eventually("the app gets tokens again and reads the directory with the same permissions",
                () -> {
                    HttpResult fresh = credentials.token(tokens, "company_id=" + company);
                    return fresh.statusCode() != 200 ? fresh : send("GET", directory + "/companies/" + company
                            + "/users/" + appUserId + "/permissions", fresh.body().get("access_token").asText(),
                            null);
                },
                r -> r.statusCode() == 200 && "read_only".equals(r.body().at("/permissions/budget").asText()));
        pass("turned on again: new tokens work and the app user keeps its permissions");

        step("the admin uninstalls the app; its tokens are refused");
        String lastToken = credentials.token(tokens, "company_id=" + company).body().get("access_token").asText();
        send("DELETE", apps + "/companies/" + company + "/installations/" + installationId, acting, null);
        HttpResult refused = eventually("token-service refuses tokens",
                () -> credentials.token(tokens, "company_id=" + company), r -> r.statusCode() == 400);
        pass("token endpoint: " + refused.body().get("error").asText() + " — "
                + refused.body().get("error_description").asText());
        eventually("the directory deactivated the app user",
                () -> send("GET", directory + "/companies/" + company + "/users", lastToken, null),
                r -> r.statusCode() == 403);
        pass("an earlier token of the app is refused by directory-service");
        JsonNode deactivated = get(directory + "/companies/" + company + "/users/" + appUserId);
        check("inactive".equals(deactivated.get("status").asText()), "the app user is deactivated, not deleted");

        legacyServiceAccountMovesOntoTheApp(company, appId, installationId, p3, credentials);
        // Fresh tokens for the last acts: the first ones may be near their 10 minutes by now.
        Person admin2 = again(companyAdmin, "company", company);
        anAppActsForTheMember(new Cast(PersonSession.signIn(tokens, cli, first[0], first[1]).accessToken, admin2,
                again(developer, "developer-org", org), again(member, "company", company), memberUser), company, org,
                List.of(p1, p2, p3), suffix);
        aServiceAccountDoesItsJob(again(companyAdmin, "company", company), company, p3, suffix);

        step("the company admin's usage report shows what the app did, per project (audit-metrics-service)");
        String reader = again(companyAdmin, "company", company).token();
        JsonNode usage = eventually("the app's calls reached the report",
                () -> send("GET", audit + "/companies/" + company + "/installations/" + installationId + "/usage",
                        reader, null),
                r -> r.statusCode() == 200 && usageRow(r.body(), p1, "2xx") && usageRow(r.body(), p3, "4xx")).body();
        pass("requests by the app in the last 30 days: " + usage.get("total").asText() + ", with " + p1
                + " 2xx and " + p3 + " 4xx among them");

        step("the access-token inventory lists the app's installation tokens (audit-metrics-service)");
        JsonNode inventory = eventually("the app's tokens reached the inventory",
                () -> send("GET", audit + "/companies/" + company + "/access-tokens?limit=200", reader, null),
                r -> r.statusCode() == 200 && inventoryRow(r.body(), clientId, "installation") != null
                        && !inventoryRow(r.body(), clientId, "installation").get("lastUsedAt").isNull()).body();
        JsonNode row = inventoryRow(inventory, clientId, "installation");
        // Installed again by the legacy account's migration above: active.
        check(installationId.equals(row.get("installationId").asText()) && row.get("tokens").asLong() >= 2
                && appName.equals(row.get("appName").asText()) && "active".equals(row.get("status").asText()),
                "the inventory lists " + clientId + " (" + row.get("tokens").asText() + " installation tokens, last "
                        + "used " + row.get("lastUsedAt").asText() + ", " + row.get("status").asText() + ")");
        JsonNode report = expect("GET", audit + "/companies/" + company + "/installations/" + installationId
                + "/report", reader, null, 200, null).body();
        check("active".equals(report.get("status").asText())
                && "AppInstalled".equals(report.get("installed").get("type").asText())
                && report.get("changes").findValuesAsText("type").contains("AppUninstalled")
                && report.get("tokensPerDay").size() > 0,
                "the installation report: installed " + report.get("installed").get("at").asText() + ", "
                        + report.get("changes").size() + " changes, now " + report.get("status").asText());
        JsonNode chain = expect("GET", audit + "/companies/" + company + "/audit/verification", reader, null, 200,
                null).body();
        check(chain.get("intact").asBoolean() && chain.get("entries").asLong() > 0,
                "the company's audit hash chain verifies (" + chain.get("entries").asText() + " entries, head "
                        + chain.get("headHash").asText().substring(0, 12) + "…)");

        awaitKilledReplicasBack();
        step("the audit trail shows every step with its company and the person who did it");
        Set<String> wanted = Set.of("CompanyCreated", "ProjectCreated", "AppBindingChanged", "AppInstalled",
                "InstallRequested", "InstallRequestDecided", "PersonInvited", "PersonLinked", "CompanyRoleChanged",
                "UserCreated", "ProjectMemberAdded", "ProjectMemberRemoved", "InstallationProjectsChanged",
                "UpgradeRequested", "UpgradeRequestDecided", "InstallationUpgraded", "UserPermissionsChanged",
                "TokenIssued", "AppUninstalled", "UserDeactivated", "LegacyServiceAccountCreated",
                "LegacyServiceAccountMigrated", "ClientDeleted", "ConsentGranted", "IntegrationRevoked");
        List<JsonNode> trail = eventually("the trail has every step", () -> trail(company),
                r -> types(r).containsAll(wanted)).items;
        Map<String, Set<String>> actorsByType = new TreeMap<>();
        for (JsonNode e : trail) {
            if (!e.get("companyId").asText().equals(company) || !e.hasNonNull("actor")) {
                throw new AssertionError(e.get("type").asText() + " lacks its company or actor: " + e);
            }
            actorsByType.computeIfAbsent(e.get("type").asText(), t -> new TreeSet<>())
                    .add(e.at("/actor/type").asText() + ":" + e.at("/actor/id").asText());
        }
        actorsByType.forEach((type, actors) -> pass(type + " for company " + company + " by " + actors));
        pass(trail.size() + " entries, each with its company and actor");
        String adminActor = "user:" + companyAdmin.accountId;
        for (String type : List.of("ProjectCreated", "AppBindingChanged", "InstallRequestDecided", "AppInstalled",
                "UpgradeRequestDecided", "AppUninstalled", "LegacyServiceAccountCreated")) {
            check(actorsByType.get(type).contains(adminActor), type + " was done by the company admin, " + adminActor);
        }
        for (String type : List.of("InstallRequested", "ConsentGranted", "IntegrationRevoked")) {
            check(actorsByType.get(type).contains("user:" + member.accountId),
                    type + " was done by the member, user:" + member.accountId);
        }
        check(actorsByType.values().stream().noneMatch(a -> a.contains("client:" + admin.clientId())),
                "the platform-admin client did none of it");
    }

    /**
     * A person who took their invitation and signed in, with a token for the company or organization they joined,
     * and the password they chose (to sign in again in another browser).
     */
    private record Person(String accountId, String token, String email, String password) {
    }

    /** Who acts in the story: the platform admin's token, the people, and the member's directory user. */
    private record Cast(String platformAdmin, Person companyAdmin, Person developer, Person member,
            String memberUser) {
    }

    /**
     * Issue 13's second app (docs/security.md, "Apps acting for people"): an app that acts for a signed-in member.
     * The member authorizes it in the company (consent page), and its token reads only the projects both the app
     * and the member may; it loses one when the member does, and stops when the member revokes it and when the
     * admin turns the app off.
     */
    private void anAppActsForTheMember(Cast cast, String company, String org, List<String> projects, String suffix)
            throws Exception {
        String p1 = projects.get(0);
        String p2 = projects.get(1);
        String p3 = projects.get(2);
        step("a second app, which acts for people: the developer publishes it, the platform admin lists it");
        acting = cast.developer().token();
        JsonNode app = post(apps + "/apps", "{\"developerOrgId\": \"" + org + "\", \"name\": \"Field Notes "
                + suffix + "\"}", 201);
        String appId = app.get("id").asText();
        String clientId = app.get("clientId").asText();
        post(apps + "/apps/" + appId + "/versions", "{\"version\": \"1.0.0\", \"manifest\": "
                + MANIFEST_FOR_PEOPLE + "}", 201);
        post(apps + "/apps/" + appId + "/versions/1.0.0/publish", null, 200);
        String secret = eventually("token-service created the app client",
                () -> send("POST", tokens + "/clients/" + clientId + "/secrets", acting, null),
                r -> r.statusCode() == 201).body().get("clientSecret").asText();
        acting = cast.platformAdmin();
        post(apps + "/listing-reviews/" + appId + "/approve", "{\"note\": \"Reads projects for notes.\"}", 200);

        step("the admin installs it with projects " + p2 + " and " + p3 + "; the member belongs to " + p1 + " and "
                + p2);
        acting = cast.companyAdmin().token();
        send("PUT", apps + "/companies/" + company + "/app-bindings/" + appId, acting, "{\"state\": \"on\"}");
        String appUser = post(apps + "/companies/" + company + "/installations", "{\"appId\": \"" + appId + "\", "
                + "\"projectAccess\": \"selected\", \"projectIds\": [\"" + p2 + "\", \"" + p3 + "\"]}", 201)
                .get("appUserId").asText();
        eventually("directory-service made the installation's app user",
                () -> send("GET", directory + "/companies/" + company + "/projects/" + p3 + "/members/" + appUser,
                        acting, null), r -> r.statusCode() == 200);
        for (String p : List.of(p1, p2)) {
            expect("PUT", directory + "/companies/" + company + "/projects/" + p + "/members/" + cast.memberUser(),
                    acting, "{\"permissions\": {\"documents\": \"read_only\"}}", 201, "the member joins " + p);
        }

        step("the member authorizes it in a browser: sign-in, the consent page, the code for the app");
        PersonSession browser = PersonSession.browser(tokens);
        Person member = cast.member();
        JsonNode granted = eventually("token-service knows the installation and shows the consent page",
                () -> {
                    try {
                        return browser.authorizeApp(clientId, secret, company, "openid projects.read",
                                member.email(), member.password(), true);
                    } catch (IllegalStateException notYet) {
                        return null;
                    }
                }, r -> r != null);
        String appToken = granted.get("access_token").asText();
        String consentPage = browser.consentPage(clientId, company, "openid projects.read");
        check(consentPage.contains("Field Notes " + suffix) && consentPage.contains("E2E Devs")
                        && consentPage.contains("Why: Lists the projects you work on"),
                "the consent page names the app, its developer organization and why it asks");
        pass("the member approved; the app holds a token for them (" + granted.get("scope").asText() + ")");
        JsonNode seen = expect("GET", directory + "/companies/" + company + "/projects", appToken, null, 200,
                "the app lists projects for the member").body();
        List<String> ids = new ArrayList<>();
        seen.get("items").forEach(i -> ids.add(i.get("id").asText()));
        check(ids.equals(List.of(p2)), "it sees only " + p2 + ", the project both the app and the member may: " + ids);
        expect("GET", directory + "/companies/" + company + "/projects/" + p3, appToken, null, 403,
                "a project the app may use but the member is not in");
        expect("GET", directory + "/companies/" + company + "/projects/" + p1, appToken, null, 403,
                "a project the member is in but the app may not use");

        step("the member leaves " + p2 + ": the app loses it at once; back in, it has it again");
        send("DELETE", directory + "/companies/" + company + "/projects/" + p2 + "/members/" + cast.memberUser(),
                acting, null);
        expect("GET", directory + "/companies/" + company + "/projects/" + p2, appToken, null, 403,
                "the same token, after the member left the project");
        expect("PUT", directory + "/companies/" + company + "/projects/" + p2 + "/members/" + cast.memberUser(),
                acting, "{\"permissions\": {\"documents\": \"read_only\"}}", 201, "the member is back");
        expect("GET", directory + "/companies/" + company + "/projects/" + p2, appToken, null, 200,
                "the same token, the member back in the project");

        step("the member lists the app among their approved integrations and revokes it");
        JsonNode mine = expect("GET", tokens + "/me/integrations", member.token(), null, 200, "").body();
        check(mine.size() == 1 && clientId.equals(mine.get(0).get("clientId").asText()),
                "the member's approved integrations list the app");
        JsonNode theirs = expect("GET", tokens + "/companies/" + company + "/integrations",
                cast.companyAdmin().token(), null, 200, "").body();
        check(theirs.size() == 1 && member.email().equals(theirs.get(0).get("email").asText()),
                "the company admin sees the member's authorization");
        expect("DELETE", tokens + "/me/integrations/" + company + "/" + clientId, member.token(), null, 204,
                "revoked by the member");
        eventually("directory-service refuses the app's token for the member",
                () -> send("GET", directory + "/companies/" + company + "/projects/" + p2, appToken, null),
                r -> r.statusCode() == 401 || r.statusCode() == 403);
        check(refreshWith(clientId, secret, granted.get("refresh_token").asText()).statusCode() == 400,
                "the revoked grant's refresh token gets invalid_grant");
        pass("revoked: the app's access token is refused and its refresh token is dead");

        step("a stock relying party (npm openid-client) authorizes it again: PKCE, consent, state, nonce, iss");
        openIdClient(clientId, secret, company, member);

        step("the admin turns the app off: its token for the member stops");
        // The member approved it again through openid-client's flow: no consent page this time.
        JsonNode again = browser.authorizeApp(clientId, secret, company, "openid projects.read", member.email(),
                member.password(), false);
        String second = again.get("access_token").asText();
        expect("GET", directory + "/companies/" + company + "/projects/" + p2, second, null, 200,
                "authorized again, the approval remembered");
        send("PUT", apps + "/companies/" + company + "/app-bindings/" + appId, acting, "{\"state\": \"off\"}");
        eventually("directory-service refuses the app's token once the app is off",
                () -> send("GET", directory + "/companies/" + company + "/projects/" + p2, second, null),
                r -> r.statusCode() == 403);
        HttpResult afterOff = eventually("token-service ends the grant",
                () -> refreshWith(clientId, secret, again.get("refresh_token").asText()), r -> r.statusCode() == 400);
        pass("the app is off: its token for the member is refused and refreshing it is "
                + afterOff.body().get("error").asText());
    }

    /**
     * Itential's service account with "Edit Permissions": the company admin creates one, gives its directory user
     * projects read_only on one project, and its token reads exactly that; disabled, it is refused.
     */
    private void aServiceAccountDoesItsJob(Person companyAdmin, String company, String project, String suffix)
            throws Exception {
        step("a company service account gets permissions (Edit Permissions) and its token reads only its project");
        acting = companyAdmin.token();
        JsonNode created = post(tokens + "/companies/" + company + "/service-accounts",
                "{\"name\": \"Nightly export " + suffix + "\", \"scopes\": [\"projects.read\", \"directory.read\"]}",
                201);
        String clientId = created.get("clientId").asText();
        String userId = created.at("/client/serviceAccount/userId").asText();
        AppCredentials account = new AppCredentials(clientId, created.get("clientSecret").asText());
        String path = tokens + "/companies/" + company + "/service-accounts/" + clientId;
        JsonNode edited = expect("PUT", path + "/permissions", acting, "{\"companyPermissions\": {\"projects\": "
                + "\"read_only\", \"directory\": \"read_only\"}, \"projectIds\": [\"" + project + "\"]}", 200,
                "the admin edits its permissions").body();
        check(edited.at("/serviceAccount/projectIds/0").asText().equals(project), "the account has the project");
        eventually("its user is in the directory with the project",
                () -> send("GET", directory + "/companies/" + company + "/projects/" + project + "/members/" + userId,
                        acting, null), r -> r.statusCode() == 200);
        pass("directory user " + userId + " (kind service_account) is a member of " + project);
        String token = account.token(tokens, "").body().get("access_token").asText();
        JsonNode seen = expect("GET", directory + "/companies/" + company + "/projects", token, null, 200,
                "its token lists projects").body();
        check(seen.get("items").size() == 1 && project.equals(seen.at("/items/0/id").asText()),
                "it sees exactly its project");
        expect("POST", directory + "/companies/" + company + "/users", token, "{\"name\": \"Bot\", \"email\": "
                + "\"bot@example.com\"}", 403, "it may not add people (directory read_only)");
        expect("POST", path + "/disable", acting, "{\"reason\": \"the job moved\"}", 200, "the admin disables it");
        eventually("the directory refuses its token", () -> send("GET", directory + "/companies/" + company
                + "/projects", token, null), r -> r.statusCode() == 401 || r.statusCode() == 403);
        pass("disabled: its token is refused by the directory");
    }

    /** deploy/local/openid-client: openid-client (npm) as the app's relying party, the member as its browser. */
    private void openIdClient(String clientId, String secret, String company, Person member) throws Exception {
        ProcessBuilder node = new ProcessBuilder("bash", openIdClientCheck).inheritIO();
        Map<String, String> env = node.environment();
        env.put("GATEHOUSE_ISSUER", tokens);
        env.put("APP_CLIENT_ID", clientId);
        env.put("APP_CLIENT_SECRET", secret);
        env.put("COMPANY_ID", company);
        env.put("PERSON_EMAIL", member.email());
        env.put("PERSON_PASSWORD", member.password());
        env.put("REDIRECT_URI", PersonSession.LOOPBACK);
        int exit = node.start().waitFor();
        check(exit == 0, "openid-client drove the authorization code flow with PKCE and consent (exit " + exit + ")");
    }

    private HttpResult refreshWith(String clientId, String secret, String refreshToken) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(tokens + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":"
                        + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                        + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new HttpResult(r.statusCode(), parse(r.body()));
    }

    /**
     * The invitee's side: the e-mail arrives (the stack's SMTP server), the link lets them set a password, they sign
     * in through the form and get a token for the place they joined, once token-service has heard of their role.
     */
    private Person join(String email, String kind, String id) throws Exception {
        String link = Mailbox.awaitLink(mail, email, DEADLINE);
        String password = "e2e " + UUID.randomUUID();
        PersonSession.acceptInvitation(tokens, link, password);
        PersonSession session = PersonSession.signIn(tokens, cli, email, password);
        String token = session.refreshFor(cli, "urn:gatehouse:" + kind + ":" + id, DEADLINE).get("access_token")
                .asText();
        String accountId = send("GET", tokens + "/me", token, null).body().get("id").asText();
        pass(email + " took the invitation (e-mail), set a password, signed in, and holds a token for " + kind + " "
                + id);
        return new Person(accountId, token, email, password);
    }

    /** The inventory's row for {@code clientId}'s tokens of {@code kind}, or null. */
    private static JsonNode inventoryRow(JsonNode inventory, String clientId, String kind) {
        for (JsonNode item : inventory.get("items")) {
            if (clientId.equals(item.get("clientId").asText()) && kind.equals(item.get("kind").asText())) {
                return item;
            }
        }
        return null;
    }

    /** Whether the usage report has a row for {@code project} with {@code statusClass}. */
    private static boolean usageRow(JsonNode report, String project, String statusClass) {
        for (JsonNode row : report.path("days")) {
            if (project.equals(row.path("projectId").asText()) && statusClass.equals(row.path("statusClass").asText())
                    && row.path("requests").asLong() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The same person signed in anew, with a fresh token for the company or organization. */
    private Person again(Person person, String kind, String id) throws Exception {
        String token = PersonSession.signIn(tokens, cli, person.email(), person.password())
                .refreshFor(cli, "urn:gatehouse:" + kind + ":" + id, DEADLINE).get("access_token").asText();
        return new Person(person.accountId(), token, person.email(), person.password());
    }

    /**
     * The deprecated model and the way off it: a legacy service account (a directory user plus a company client
     * whose secret the admin hands over) works, then migrates onto the app, which is installed again with the
     * account's project; the account's credentials and user stop working.
     */
    private void legacyServiceAccountMovesOntoTheApp(String company, String appId, String installationId,
            String project, AppCredentials app) throws Exception {
        step("a legacy (deprecated) service account: a directory user plus a company client");
        String accounts = apps + "/companies/" + company + "/legacy-service-accounts";
        JsonNode account = post(accounts, "{\"name\": \"Nightly ERP sync\", \"companyPermissions\": "
                + "{\"directory\": \"read_only\", \"budget\": \"read_only\", \"rfis\": \"read_only\"}, "
                + "\"projectPermissions\": {\"documents\": \"standard\"}, \"projectIds\": [\"" + project + "\"]}",
                201);
        check(account.get("deprecated").asBoolean(), "app-management marks it deprecated");
        String accountId = account.get("id").asText();
        String userId = account.get("userId").asText();
        String clientId = account.get("clientId").asText();
        JsonNode user = eventually("directory-service created the account's user",
                () -> send("GET", directory + "/companies/" + company + "/users/" + userId, acting, null),
                r -> r.statusCode() == 200).body();
        check("legacy".equals(user.get("kind").asText()) && user.get("deprecated").asBoolean(),
                "the directory lists it as kind legacy, deprecated");
        String clients = tokens + "/companies/" + company + "/service-accounts/" + clientId;
        String secret = eventually("token-service created the account's client",
                () -> send("POST", clients + "/secrets", acting, null), r -> r.statusCode() == 201)
                .body().get("clientSecret").asText();
        check(get(clients).get("deprecated").asBoolean(), "token-service marks its client deprecated; the admin "
                + "got its secret to hand over (not printed)");
        AppCredentials legacy = new AppCredentials(clientId, secret);
        String legacyToken = legacy.token(tokens, "").body().get("access_token").asText();
        expect("GET", directory + "/companies/" + company + "/users", legacyToken, null, 200,
                "its token acts as its user: directory read_only lists users");
        expect("GET", directory + "/companies/" + company + "/projects/" + project, legacyToken, null, 200,
                "and sees its project " + project);

        step("the admin migrates it onto the app: installed again with the account's project");
        JsonNode migrated = post(accounts + "/" + accountId + "/migrate", "{\"appId\": \"" + appId + "\"}", 200);
        check(installationId.equals(migrated.at("/installation/id").asText())
                        && "active".equals(migrated.at("/installation/status").asText())
                        && migrated.at("/installation/projectIds").toString().contains(project),
                "installation " + installationId + " is active again with project " + project);
        check("rfis".equals(migrated.at("/permissionChanges/companyPermissions/0/tool").asText())
                        && "removed".equals(migrated.at("/permissionChanges/companyPermissions/0/change").asText()),
                "what the manifest does not declare (rfis) is dropped, nothing added");
        HttpResult refused = eventually("token-service removed the account's client",
                () -> legacy.token(tokens, ""), r -> r.statusCode() == 401);
        pass("the account's credentials: " + refused.body().get("error").asText());
        // The migration deleted the account's client, which revoked its tokens on every service: a dead token is
        // 401 invalid_token, no longer a live token without rights (403).
        HttpResult dead = eventually("directory-service refuses the account's earlier token",
                () -> send("GET", directory + "/companies/" + company + "/users", legacyToken, null),
                r -> r.statusCode() == 401);
        check(dead.statusCode() == 401, "its earlier token is refused by directory-service as revoked (401)");
        JsonNode appToken = eventually("the app gets tokens for the company again",
                () -> app.token(tokens, "company_id=" + company), r -> r.statusCode() == 200).body();
        check(appToken.get("project_ids").toString().contains(project), "the app's token lists " + project);
    }

    private void restartMidStory() throws Exception {
        if (!killReplica.isEmpty()) {
            killReplicasMidStory();
            return;
        }
        Path request = run.resolve(restart + ".restart");
        if (!Files.isDirectory(run)) {
            pass("(no run folder at " + run + ": restart skipped)");
            return;
        }
        step("restarting " + restart + " in the middle of the story (run.sh does it on request)");
        Files.writeString(request, "");
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (Files.exists(request) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        check(!Files.exists(request), restart + " restarted and ready again");
    }

    /** SIGKILL to replica {@code killReplica} of every service, as a crashed node would; run.sh starts them again. */
    private void killReplicasMidStory() throws Exception {
        step("killing replica " + killReplica + " of every service with SIGKILL in the middle of the story");
        // A crash loses what a replica counted since its last usage flush (at most one interval, by design: root
        // README, "Usage recording"), and the usage report checked at the end asks for calls made just before this.
        // Two intervals let every replica's next flush publish them first.
        Thread.sleep(2 * usageFlushInterval().toMillis());
        seen.open();
        for (String service : List.of("directory-service", "app-management-service", "token-service",
                "audit-metrics-service")) {
            String name = service + "-" + killReplica;
            long pid = Long.parseLong(Files.readString(run.resolve(name + ".pid")).strip());
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow(
                    () -> new AssertionError(name + " (pid " + pid + ") is not running"));
            process.destroyForcibly();
            process.onExit().get();
            killed.put(name, pid);
        }
        pass("killed " + killed.keySet() + "; the story goes on through the load balancer");
    }

    /** The stack's {@code GATEHOUSE_USAGE_FLUSH_INTERVAL} (stack-check.sh sets 2s; the services' default is 60s). */
    private static Duration usageFlushInterval() {
        String value = env("GATEHOUSE_USAGE_FLUSH_INTERVAL", "60s").strip().toLowerCase(Locale.ROOT);
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.parse(value.startsWith("p") ? value : "PT" + value);
    }

    /** Each killed replica runs again (a new process) and is ready; ends the observation window. */
    private void awaitKilledReplicasBack() throws Exception {
        if (killed.isEmpty()) {
            return;
        }
        Map<String, String> ready = Map.of("directory-service", directory, "app-management-service", apps,
                "token-service", tokens, "audit-metrics-service", audit);
        for (Map.Entry<String, Long> replica : killed.entrySet()) {
            String service = replica.getKey().substring(0, replica.getKey().lastIndexOf('-'));
            URI balanced = URI.create(ready.get(service));
            URI own = URI.create("http://" + balanced.getHost() + ":"
                    + (balanced.getPort() + 10000 * Integer.parseInt(killReplica)) + "/q/health/ready");
            eventually(replica.getKey() + " runs again and is ready", () -> {
                long pid = Long.parseLong(Files.readString(run.resolve(replica.getKey() + ".pid")).strip());
                int status = pid == replica.getValue() ? -1 : http.send(HttpRequest.newBuilder(own)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                return status;
            }, status -> status == 200);
        }
        seen.close();
        pass("every killed replica runs again and is ready; what the client saw from the kill until then "
                + seen.summary());
    }

    private String project(String company, String name) throws Exception {
        return post(directory + "/companies/" + company + "/projects", "{\"name\": \"" + name + "\"}", 201)
                .get("id").asText();
    }

    private record HttpResult(int statusCode, JsonNode body) {
    }

    private record Trail(List<JsonNode> items) {
    }

    private Trail trail(String company) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(audit + "/audit/events?companyId=" + company + "&limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.get("items").forEach(items::add);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return new Trail(items);
    }

    private static Set<String> types(Trail trail) {
        Set<String> types = new HashSet<>();
        trail.items.forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    /** A client's credentials (the app's, or a legacy account's): client_secret_basic (RFC 6749 §2.3.1). */
    private final class AppCredentials {
        private final String basic;

        AppCredentials(String clientId, String secret) {
            basic = Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(secret))
                    .getBytes(StandardCharsets.UTF_8));
        }

        HttpResult token(String issuer, String params) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"
                            + (params.isEmpty() ? "" : "&" + params))).build();
            long started = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                seen.failed();
                throw e;
            }
            seen.answered(response.statusCode(), started);
            return new HttpResult(response.statusCode(), parse(response.body()));
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws Exception;
    }

    /**
     * Repeats a call until its answer satisfies {@code done}: the services are eventually consistent, and one of
     * them may be restarting (a refused connection counts as "not yet").
     */
    private <T> T eventually(String what, Call<T> call, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Object last = null;
        while (System.nanoTime() < deadline) {
            try {
                T answer = call.call();
                if (done.test(answer)) {
                    return answer;
                }
                last = answer;
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + ": not within " + DEADLINE.toSeconds() + "s; last answer " + last);
    }

    private JsonNode get(String url) throws Exception {
        return expect("GET", url, null, null, 200, null).body();
    }

    private JsonNode post(String url, String body, int status) throws Exception {
        return expect("POST", url, null, body, status, null).body();
    }

    /** A call that must answer {@code status}; retried while the service is unreachable (restarting). */
    private HttpResult expect(String method, String url, String token, String body, int status, String meaning)
            throws Exception {
        HttpResult result = eventually(method + " " + url, () -> send(method, url,
                token == null ? acting : token, body), r -> !ClientObservations.unavailable(r.statusCode()));
        if (result.statusCode() != status) {
            throw new AssertionError(method + " " + url + " answered " + result.statusCode() + " (expected "
                    + status + "): " + result.body());
        }
        if (meaning != null) {
            pass(meaning + " (" + method + " → " + status + ")");
        }
        return result;
    }

    private HttpResult send(String method, String url, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            seen.failed();
            throw e;
        }
        seen.answered(response.statusCode(), started);
        return new HttpResult(response.statusCode(), parse(response.body()));
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
        pass(what);
    }

    private static void step(String what) {
        System.out.println("→ " + what);
    }
}
