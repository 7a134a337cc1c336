package dev.gatehouse.testsupport;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.DeveloperRoleChanged;
import dev.gatehouse.events.directory.CompanyRoleChanged;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.web.security.ApiSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Walks every endpoint of a service with every kind of caller and checks who gets in: the tenant-isolation matrix
 * of docs/security.md. The matrix must name every endpoint the service documents in its OpenAPI, so a new endpoint
 * without a row fails the test.
 */
public final class AccessMatrix {

    /** The least a caller needs. */
    public enum Access {
        /** Any valid token (the endpoint filters what it shows by the caller). */
        AUTHENTICATED,
        /** A member or admin of the company in the path, or a platform admin. */
        COMPANY_MEMBER,
        /** An admin of the company in the path, or a platform admin. */
        COMPANY_ADMIN,
        /** Only a platform admin. */
        PLATFORM_ADMIN,
        /**
         * Only a platform admin gets past access control; what it gets then (404 for an id that exists nowhere, as
         * the matrix asks) is the endpoint's own test's business. For operations on rare things, such as parked
         * events, that the matrix cannot make fresh for every call.
         */
        PLATFORM_ADMIN_ANY_OUTCOME,
        /** A developer of the developer organization in the path (the target id stands for it), or a platform admin. */
        DEVELOPER,
        /** An owner of the developer organization in the path (only people are owners), or a platform admin. */
        DEVELOPER_ORG_OWNER,
        /** None of the matrix's callers: only an app's own token, which the endpoint's tests cover. */
        APP_CLIENT
    }

    /**
     * One endpoint.
     *
     * @param template the OpenAPI path template, e.g. {@code /companies/{companyId}/projects}
     * @param path     builds a concrete path for a company (creating whatever the path needs, fresh each call)
     * @param body     a valid JSON body, or null
     */
    public record Endpoint(String method, String template, Access access, Function<UUID, String> path,
            Function<UUID, String> body) {
        String key() {
            return method + " " + template;
        }
    }

    private static final int PAST_ACCESS_CONTROL = -1;

    /** The operator's parked-event endpoints every service has (libs/outbox), for each service's matrix. */
    public static final List<Endpoint> PARKED_EVENTS = List.of(
            new Endpoint("GET", "/admin/parked-events", Access.PLATFORM_ADMIN, c -> "/admin/parked-events", null),
            new Endpoint("GET", "/admin/parked-events/{id}", Access.PLATFORM_ADMIN_ANY_OUTCOME,
                    c -> "/admin/parked-events/" + UUID.randomUUID(), null),
            new Endpoint("POST", "/admin/parked-events/{id}/replay", Access.PLATFORM_ADMIN_ANY_OUTCOME,
                    c -> "/admin/parked-events/" + UUID.randomUUID() + "/replay", null),
            new Endpoint("POST", "/admin/parked-events/{id}/discard", Access.PLATFORM_ADMIN_ANY_OUTCOME,
                    c -> "/admin/parked-events/" + UUID.randomUUID() + "/discard", null));

    private final List<String> failures = new ArrayList<>();

    /**
     * Each documented operation's security requirement ({@code "METHOD /path"} to the scheme, with its scope after
     * a colon if it lists one: {@code gatehouse:projects.read}, {@code gatehouse}, {@code platform}); operations that
     * declare none are missing.
     */
    public static Map<String, String> declaredSecurity() {
        JsonPath openApi = given().accept(ContentType.JSON).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        Map<String, String> declared = new java.util.HashMap<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> op && op.get("security") instanceof List<?> security
                    && !security.isEmpty() && security.get(0) instanceof Map<?, ?> requirement
                    && !requirement.isEmpty()) {
                Map.Entry<?, ?> scheme = requirement.entrySet().iterator().next();
                List<?> scopes = scheme.getValue() instanceof List<?> l ? l : List.of();
                declared.put(method.toUpperCase() + " " + path, scheme.getKey()
                        + (scopes.isEmpty() ? "" : ":" + scopes.get(0)));
            }
        }));
        return declared;
    }

    /** Every "METHOD /path" the running service documents, minus the platform's own {@code /q/} endpoints. */
    public static Set<String> documentedEndpoints() {
        JsonPath openApi = given().accept(ContentType.JSON).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        Set<String> endpoints = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> endpoints.add(m.toUpperCase() + " " + path)));
        return endpoints;
    }

    /**
     * Checks every endpoint against company {@code target}, with callers from {@code target} and from
     * {@code outsider} (another company), and fails once listing every wrong answer.
     */
    public static void verify(List<Endpoint> endpoints, UUID target, UUID outsider) {
        verify(endpoints, Set.of(), target, outsider);
    }

    /**
     * As {@link #verify(List, UUID, UUID)}, where {@code notBearerProtected} lists the documented endpoints that
     * do not take bearer tokens at all (OAuth endpoints, which authenticate clients, and public metadata); their
     * own tests cover them.
     */
    public static void verify(List<Endpoint> endpoints, Set<String> notBearerProtected, UUID target,
            UUID outsider) {
        verifyCoverage(endpoints, notBearerProtected);
        verifyAccess(endpoints, target, outsider);
    }

    /**
     * The matrix (possibly several lists, each checked against its own kind of target with
     * {@link #verifyAccess}) covers exactly the documented endpoints.
     */
    public static void verifyCoverage(List<Endpoint> endpoints, Set<String> notBearerProtected) {
        Set<String> covered = new TreeSet<>(notBearerProtected);
        endpoints.forEach(e -> covered.add(e.key()));
        assertThat(covered).as("the matrix covers exactly the documented endpoints")
                .isEqualTo(documentedEndpoints());
    }

    /**
     * Calls each endpoint as every kind of caller for {@code target} and fails once, listing every wrong answer.
     * Besides tokens that carry their company role (as test tokens may), people's tokens as token-service issues
     * them: naming only a company, their role announced by the directory ({@code CompanyRoleChanged}) and looked
     * up live by the service; so people and role-carrying tokens must be let in alike.
     */
    public static void verifyAccess(List<Endpoint> endpoints, UUID target, UUID outsider) {
        AccessMatrix matrix = new AccessMatrix();
        UUID personAdmin = UUID.randomUUID();
        UUID personMember = UUID.randomUUID();
        UUID outsiderAdmin = UUID.randomUUID();
        announceRole(target, personAdmin, "company_admin");
        announceRole(target, personMember, "company_member");
        announceRole(outsider, outsiderAdmin, "company_admin");
        UUID personOwner = UUID.randomUUID();
        UUID personDeveloper = UUID.randomUUID();
        announceDeveloperRole(target, personOwner, "owner");
        announceDeveloperRole(target, personDeveloper, "developer");
        Map<String, Supplier<TestTokens>> callers = Map.ofEntries(
                Map.entry("person admin of this company", () -> TestTokens.person(personAdmin).company(target)),
                Map.entry("person member of this company", () -> TestTokens.person(personMember).company(target)),
                Map.entry("person admin of another company", () -> TestTokens.person(outsiderAdmin)
                        .company(outsider)),
                Map.entry("person without a role here", () -> TestTokens.person(UUID.randomUUID()).company(target)),
                Map.entry("person owner of this organization", () -> TestTokens.person(personOwner)
                        .developerOrg(target)),
                Map.entry("person developer of this organization", () -> TestTokens.person(personDeveloper)
                        .developerOrg(target)),
                Map.entry("person claiming to develop here", () -> TestTokens.person(UUID.randomUUID())
                        .developerOrg(target).role("developer")),
                Map.entry("platform admin", TestTokens::platformAdmin),
                Map.entry("admin of this company", () -> TestTokens.companyAdmin(target)),
                Map.entry("member of this company", () -> TestTokens.companyMember(target)),
                Map.entry("admin of another company", () -> TestTokens.companyAdmin(outsider)),
                Map.entry("member of another company", () -> TestTokens.companyMember(outsider)),
                Map.entry("developer of another organization", () -> TestTokens.developer(UUID.randomUUID())),
                Map.entry("developer of this organization", () -> TestTokens.developer(target)),
                Map.entry("token without roles", TestTokens::noRole));
        Map<String, String> tokens = new java.util.HashMap<>();
        callers.forEach((who, token) -> tokens.put(who, token.get().sign()));
        awaitRoleKnown(endpoints, target, tokens.get("person admin of this company"),
                Set.of(Access.COMPANY_ADMIN, Access.COMPANY_MEMBER));
        awaitRoleKnown(endpoints, target, tokens.get("person member of this company"), Set.of(Access.COMPANY_MEMBER));
        awaitRoleKnown(endpoints, target, tokens.get("person owner of this organization"),
                Set.of(Access.DEVELOPER, Access.DEVELOPER_ORG_OWNER));
        awaitRoleKnown(endpoints, target, tokens.get("person developer of this organization"),
                Set.of(Access.DEVELOPER));
        Map<String, String> declared = declaredSecurity();
        for (Endpoint e : endpoints) {
            matrix.expect(e, target, null, "no token", 401);
            tokens.forEach((who, token) -> matrix.expect(e, target, token, who, !allowed(e.access(), who) ? 403
                    : e.access() == Access.PLATFORM_ADMIN_ANY_OUTCOME ? PAST_ACCESS_CONTROL : 0));
            String security = declared.get(e.key());
            if (security == null) {
                matrix.failures.add(e.key() + " declares no security requirement (libs/web's ApiSecurity)");
            } else if (security.startsWith(ApiSecurity.BEARER + ":")) {
                String scope = security.substring(ApiSecurity.BEARER.length() + 1);
                // Right permissions, missing scope: every caller let in above, but a platform admin (whom no scope
                // limits), with every scope except those that cover the endpoint's.
                callers.forEach((who, token) -> {
                    if (allowed(e.access(), who) && !who.equals("platform admin")) {
                        matrix.expect(e, target, token.get().scopeWithout(scope).sign(), who + " without "
                                + scope, 403);
                    }
                });
            }
        }
        assertThat(matrix.failures).as("access matrix violations").isEmpty();
    }

    private static boolean allowed(Access access, String who) {
        return switch (access) {
            case AUTHENTICATED -> true;
            case COMPANY_MEMBER -> Set.of("platform admin", "admin of this company", "member of this company",
                    "person admin of this company", "person member of this company").contains(who);
            case COMPANY_ADMIN -> Set.of("platform admin", "admin of this company", "person admin of this company")
                    .contains(who);
            case PLATFORM_ADMIN, PLATFORM_ADMIN_ANY_OUTCOME -> who.equals("platform admin");
            case DEVELOPER -> Set.of("platform admin", "developer of this organization",
                    "person owner of this organization", "person developer of this organization").contains(who);
            case DEVELOPER_ORG_OWNER -> Set.of("platform admin", "person owner of this organization").contains(who);
            case APP_CLIENT -> false;
        };
    }

    private static void announceRole(UUID company, UUID account, String role) {
        EventSender.send(TestInfrastructure.get().kafka().bootstrapServers(), Topics.DIRECTORY_COMPANY_ROLE,
                EventEnvelope.of(DirectoryEvents.COMPANY_ROLE_CHANGED, "directory-service", company,
                        Actor.system("directory-service"), CompanyRoleChanged.key(company, account),
                        new CompanyRoleChanged(company, account, UUID.randomUUID(), role, false)));
    }

    private static void announceDeveloperRole(UUID org, UUID account, String role) {
        EventSender.send(TestInfrastructure.get().kafka().bootstrapServers(), Topics.APPS_DEVELOPER_ROLE,
                EventEnvelope.of(AppsEvents.DEVELOPER_ROLE_CHANGED, "app-management-service", null,
                        Actor.system("app-management-service"), DeveloperRoleChanged.key(org, account),
                        new DeveloperRoleChanged(org, account, UUID.randomUUID(), role)));
    }

    /**
     * Waits until the service has read a person's role: until a GET open to {@code levels} lets the person in. A
     * service without such an endpoint refuses the person everywhere either way, so there is nothing to wait for.
     */
    private static void awaitRoleKnown(List<Endpoint> endpoints, UUID target, String token, Set<Access> levels) {
        endpoints.stream().filter(e -> e.method().equals("GET") && levels.contains(e.access())).findFirst()
                .ifPresent(e -> await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50))
                        .until(() -> given().auth().oauth2(token).get(e.path().apply(target)).statusCode() < 300));
    }

    /** {@code expected}: a status; 0, any success (2xx); {@link #PAST_ACCESS_CONTROL}, any 2xx or 4xx but 401/403. */
    private void expect(Endpoint e, UUID company, String token, String who, int expected) {
        RequestSpecification request = given();
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (e.body() != null) {
            request.contentType(ContentType.JSON).body(e.body().apply(company));
        }
        String path = e.path().apply(company);
        int status = request.request(e.method(), path).statusCode();
        boolean ok = switch (expected) {
            case 0 -> status >= 200 && status < 300;
            case PAST_ACCESS_CONTROL -> status >= 200 && status < 500 && status != 401 && status != 403;
            default -> status == expected;
        };
        if (!ok) {
            failures.add(e.key() + " as " + who + ": expected "
                    + (expected == 0 ? "2xx" : expected == PAST_ACCESS_CONTROL ? "past access control" : expected)
                    + ", got " + status);
        }
    }
}
