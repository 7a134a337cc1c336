package dev.gatehouse.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.gatehouse.local.StackCheck.env;
import static dev.gatehouse.local.StackCheck.pass;

/**
 * The access matrix with people's tokens as the running token-service issues them: every kind of person (a
 * company's admin and member, another company's admin, an organization's owner and developer, another
 * organization's owner, the platform admin, a person whose token names no place, and a company admin whose token
 * was asked for two read scopes only, so every endpoint needing another scope refuses it) against every access level
 * of every service, and no token at all. Each service's own matrix test walks all its endpoints with test-signed tokens of
 * the same shapes; this one proves that real tokens, signed by token-service's key, their roles announced by the
 * directory and app-management and looked up live, get exactly the same answers on each level. Fails once, listing
 * every wrong answer.
 */
final class PeopleAccessMatrix {

    /** The least a caller needs: the levels of libs/test-support's AccessMatrix. */
    enum Access { AUTHENTICATED, COMPANY_MEMBER, COMPANY_ADMIN, DEVELOPER, DEVELOPER_ORG_OWNER, PLATFORM_ADMIN }

    /**
     * One endpoint of one service, its path and body for this matrix's company and organization; {@value #UNIQUE}
     * in a body becomes a fresh value on each call, for names that must be unique. {@code scope} is the one the
     * endpoint needs (docs/security.md, "Scopes"); null when any token will do or only a platform admin may.
     */
    record Row(String service, String method, String path, Access access, String body, String scope) {
    }

    private static final String UNIQUE = "{unique}";
    /** A sign-in that names no catalogue scope: the token carries all of them. */
    private static final String ALL_SCOPES = "openid email profile";
    /** An admin of the matrix's company whose token was asked for these catalogue scopes only. */
    private static final String NARROW_ADMIN = "company admin with two read scopes";
    private static final List<String> NARROW_SCOPES = List.of("directory.read", "app_management.read");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INVITATION_DEADLINE = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String directory = env("GATEHOUSE_DIRECTORY_URL", "http://localhost:8081");
    private final String apps = env("GATEHOUSE_APPS_URL", "http://localhost:8082");
    private final String tokenService = env("GATEHOUSE_ISSUER", "http://localhost:8083");
    private final String audit = env("GATEHOUSE_AUDIT_URL", "http://localhost:8084");
    private final Path mail;
    private final String cli;
    private final String platformAdmin;

    /**
     * @param platformAdmin a platform admin person's token (no place named)
     * @param cli           the first-party public client people sign in with
     */
    PeopleAccessMatrix(Path mail, String cli, String platformAdmin) {
        this.mail = mail;
        this.cli = cli;
        this.platformAdmin = platformAdmin;
    }

    /** Checks every row with every caller, given the company whose admin's token is {@code companyAdmin}. */
    void verify(String company, String companyAdmin) throws Exception {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("platform admin", platformAdmin);
        callers.put("company admin", companyAdmin);
        Invitee member = invite(companyAdmin, directory + "/companies/" + company + "/users", "Matrix Member",
                "urn:gatehouse:company:" + company, null);
        callers.put("company member", member.placeToken());
        callers.put("person naming no place", member.plainToken());
        String other = created(directory + "/companies", "Matrix Other");
        callers.put("admin of another company", companyAdminOf(other, ALL_SCOPES));
        callers.put(NARROW_ADMIN, companyAdminOf(company, "openid " + String.join(" ", NARROW_SCOPES)));
        String org = created(apps + "/developer-orgs", "Matrix Devs");
        String orgMembers = apps + "/developer-orgs/" + org + "/members";
        Invitee owner = invite(platformAdmin, orgMembers, "Matrix Owner", "urn:gatehouse:developer-org:" + org,
                "owner");
        callers.put("organization owner", owner.placeToken());
        callers.put("organization developer", invite(owner.placeToken(), orgMembers, "Matrix Developer",
                "urn:gatehouse:developer-org:" + org, "developer").placeToken());
        String otherOrg = created(apps + "/developer-orgs", "Matrix Other Devs");
        callers.put("owner of another organization", invite(platformAdmin, apps + "/developer-orgs/" + otherOrg
                + "/members", "Matrix Other Owner", "urn:gatehouse:developer-org:" + otherOrg, "owner")
                .placeToken());
        String ownerMemberId = send("GET", orgMembers, owner.placeToken(), null).get("items").get(0).get("id")
                .asText();
        String appClient = appClient(org, owner.placeToken());

        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Row row : rows(company, org, ownerMemberId, appClient)) {
            checked += expect(row, null, "no token", 401, failures);
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                checked += expect(row, caller.getValue(), caller.getKey(), lets(row, caller.getKey()) ? 0 : 403,
                        failures);
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("people's access matrix violations:\n    " + String.join("\n    ",
                    failures));
        }
        pass(checked + " calls, every access level of all four services as " + callers.size() + " kinds of person "
                + "with tokens from token-service (one of them with only " + String.join(" ", NARROW_SCOPES)
                + "), and without a token: each let in or refused as docs/security.md says");
    }

    private List<Row> rows(String c, String org, String ownerMemberId, String appClient) {
        String name = "{\"name\": \"Matrix " + UNIQUE + "\"}";
        return List.of(
                new Row(directory, "GET", "/companies", Access.AUTHENTICATED, null, null),
                new Row(directory, "GET", "/companies/" + c, Access.COMPANY_MEMBER, null, null),
                new Row(directory, "GET", "/companies/" + c + "/users", Access.COMPANY_MEMBER, null, "directory.read"),
                new Row(directory, "POST", "/companies/" + c + "/projects", Access.COMPANY_ADMIN, name,
                        "projects.write"),
                new Row(directory, "PUT", "/companies/" + c + "/admin-policy", Access.COMPANY_ADMIN,
                        "{\"requireSecondFactor\": false}", "directory.admin"),
                new Row(directory, "POST", "/companies", Access.PLATFORM_ADMIN, name, null),
                new Row(directory, "GET", "/admin/parked-events", Access.PLATFORM_ADMIN, null, null),
                new Row(apps, "GET", "/developer-orgs", Access.AUTHENTICATED, null, "developer.read"),
                new Row(apps, "GET", "/companies/" + c + "/apps", Access.COMPANY_MEMBER, null, "app_management.read"),
                new Row(apps, "GET", "/companies/" + c + "/installations", Access.COMPANY_MEMBER, null,
                        "app_management.read"),
                new Row(apps, "PUT", "/companies/" + c + "/app-settings", Access.COMPANY_ADMIN,
                        "{\"forbidHighRiskApps\": false}", "app_management.admin"),
                new Row(apps, "GET", "/companies/" + c + "/legacy-service-accounts", Access.COMPANY_ADMIN, null,
                        "app_management.read"),
                new Row(apps, "GET", "/developer-orgs/" + org, Access.DEVELOPER, null, "developer.read"),
                new Row(apps, "GET", "/developer-orgs/" + org + "/members", Access.DEVELOPER, null, "developer.read"),
                new Row(apps, "POST", "/apps", Access.DEVELOPER, "{\"developerOrgId\": \"" + org + "\", \"name\": "
                        + "\"Matrix app " + UNIQUE + "\"}", "developer.write"),
                new Row(apps, "PATCH", "/developer-orgs/" + org + "/members/" + ownerMemberId,
                        Access.DEVELOPER_ORG_OWNER, "{\"role\": \"owner\"}", "developer.admin"),
                new Row(apps, "POST", "/developer-orgs", Access.PLATFORM_ADMIN, name, null),
                new Row(apps, "GET", "/admin/parked-events", Access.PLATFORM_ADMIN, null, null),
                new Row(tokenService, "GET", "/companies/" + c + "/service-accounts", Access.COMPANY_ADMIN, null,
                        "service_accounts.read"),
                new Row(tokenService, "POST", "/companies/" + c + "/service-accounts", Access.COMPANY_ADMIN, name,
                        "service_accounts.admin"),
                new Row(tokenService, "GET", "/clients/" + appClient, Access.DEVELOPER, null, "developer.read"),
                new Row(tokenService, "GET", "/accounts", Access.PLATFORM_ADMIN, null, null),
                new Row(tokenService, "GET", "/signing-keys", Access.PLATFORM_ADMIN, null, null),
                new Row(tokenService, "GET", "/admin/parked-events", Access.PLATFORM_ADMIN, null, null),
                new Row(audit, "GET", "/audit/events?companyId=" + c, Access.COMPANY_ADMIN, null, "audit.read"),
                new Row(audit, "GET", "/audit/events", Access.PLATFORM_ADMIN, null, "audit.read"),
                new Row(audit, "GET", "/admin/parked-events", Access.PLATFORM_ADMIN, null, null));
    }

    /**
     * Whether the caller gets in: past the endpoint's level, and, for the admin whose token carries only
     * {@link #NARROW_SCOPES}, holding the endpoint's scope too (403 {@code insufficient_scope} otherwise).
     */
    private static boolean lets(Row row, String who) {
        if (who.equals(NARROW_ADMIN)) {
            return allowed(row.access(), "company admin") && (row.scope() == null
                    || NARROW_SCOPES.contains(row.scope()));
        }
        return allowed(row.access(), who);
    }

    /** Who gets past each level: the same sets as libs/test-support's AccessMatrix. */
    private static boolean allowed(Access access, String who) {
        return who.equals("platform admin") || switch (access) {
            case AUTHENTICATED -> true;
            case COMPANY_MEMBER -> Set.of("company admin", "company member").contains(who);
            case COMPANY_ADMIN -> who.equals("company admin");
            case DEVELOPER -> Set.of("organization owner", "organization developer").contains(who);
            case DEVELOPER_ORG_OWNER -> who.equals("organization owner");
            case PLATFORM_ADMIN -> false;
        };
    }

    /** {@code expected} 0 means any 2xx. Returns 1, the calls made. */
    private int expect(Row row, String token, String who, int expected, List<String> failures) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(row.service() + row.path()))
                .timeout(Duration.ofSeconds(10)).method(row.method(), row.body() == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(
                                row.body().replace(UNIQUE, UUID.randomUUID().toString())));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (row.body() != null) {
            request.header("Content-Type", "application/json");
        }
        int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (expected == 0 ? status / 100 != 2 : status != expected) {
            failures.add(row.method() + " " + row.service() + row.path() + " as " + who + ": expected "
                    + (expected == 0 ? "2xx" : expected) + ", got " + status);
        }
        return 1;
    }

    /** A person's tokens: the sign-in's own (naming no place), and one refreshed for their company or organization. */
    private record Invitee(String plainToken, String placeToken) {
    }

    /**
     * Someone invited through {@code membersUrl} by {@code inviter} (as an organization member with {@code role},
     * unless null), who takes the e-mailed link, chooses a password and signs in through the form.
     */
    private Invitee invite(String inviter, String membersUrl, String name, String resource, String role)
            throws Exception {
        String email = name.toLowerCase().replace(' ', '-') + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@smoke.example";
        send("POST", membersUrl, inviter, "{\"name\": \"" + name + "\", \"email\": \"" + email + "\""
                + (role == null ? "" : ", \"role\": \"" + role + "\"") + "}");
        String password = "matrix " + UUID.randomUUID();
        PersonSession.acceptInvitation(tokenService, Mailbox.awaitLink(mail, email, INVITATION_DEADLINE), password);
        PersonSession session = PersonSession.signIn(tokenService, cli, email, password);
        return new Invitee(session.accessToken, session.refreshFor(cli, resource, Duration.ofSeconds(10))
                .get("access_token").asText());
    }

    /** A new admin of {@code company}, signed in asking for {@code scope}, with a token for that company. */
    private String companyAdminOf(String company, String scope) throws Exception {
        String users = directory + "/companies/" + company + "/users";
        String email = "matrix-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@smoke.example";
        String userId = send("POST", users, platformAdmin, "{\"name\": \"Matrix Admin\", \"email\": \"" + email
                + "\"}").get("id").asText();
        send("PUT", users + "/" + userId + "/permissions", platformAdmin,
                "{\"permissions\": {\"directory\": \"admin\"}}");
        String password = "matrix " + UUID.randomUUID();
        PersonSession.acceptInvitation(tokenService, Mailbox.awaitLink(mail, email, INVITATION_DEADLINE), password);
        return PersonSession.signIn(tokenService, cli, email, password, scope)
                .refreshFor(cli, "urn:gatehouse:company:" + company, Duration.ofSeconds(10)).get("access_token")
                .asText();
    }

    /** An app of {@code org} registered by its owner; its OAuth client once token-service has made it. */
    private String appClient(String org, String owner) throws Exception {
        String clientId = send("POST", apps + "/apps", owner, "{\"developerOrgId\": \"" + org
                + "\", \"name\": \"Matrix client " + UUID.randomUUID() + "\"}").get("clientId").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (http.send(HttpRequest.newBuilder(URI.create(tokenService + "/clients/" + clientId))
                .header("Authorization", "Bearer " + platformAdmin).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("token-service has no client " + clientId + " after 10s");
            }
            Thread.sleep(50);
        }
        return clientId;
    }

    private String created(String url, String name) throws Exception {
        return send("POST", url, platformAdmin, "{\"name\": \"" + name + " " + UUID.randomUUID().toString()
                .substring(0, 8) + "\"}").get("id").asText();
    }

    /** A call that must succeed; its JSON answer. */
    private JsonNode send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
