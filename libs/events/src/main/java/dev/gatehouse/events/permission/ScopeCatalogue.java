package dev.gatehouse.events.permission;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every scope a token may carry (RFC 6749 §3.3), one per tool and level: three for each {@link Tool}
 * ({@code projects.read}, {@code projects.write}, {@code projects.admin}), and the levels that mean something for each
 * part of Gatehouse's own API (App Management, the developer portal, service accounts, the audit trail, a person's
 * own account). Manifests and clients may name only these; every service's endpoints declare the one they need, and
 * a token that is not a platform admin's must carry it (or a higher level of the same tool).
 */
public final class ScopeCatalogue {

    /** The wire suffix of each level a scope can allow. */
    private static final Map<AccessLevel, String> SUFFIX = Map.of(AccessLevel.READ_ONLY, "read",
            AccessLevel.STANDARD, "write", AccessLevel.ADMIN, "admin");

    /** A company service account's right to introspect its company's tokens (token-service, RFC 7662 §4). */
    public static final String TOKEN_INTROSPECT = "token.introspect";

    private static final Map<String, Scope> BY_NAME = build();

    /** Every scope, tools first, in a stable order. */
    public static final List<Scope> ALL = List.copyOf(BY_NAME.values());

    private ScopeCatalogue() {
    }

    public static Optional<Scope> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every scope's wire name. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** Whether one of {@code granted} (a token's scopes; names outside the catalogue count for nothing) covers it. */
    public static boolean covers(Collection<String> granted, Scope required) {
        return granted.stream().map(BY_NAME::get).anyMatch(s -> s != null && s.covers(required));
    }

    private static Map<String, Scope> build() {
        Map<String, Scope> scopes = new LinkedHashMap<>();
        for (Tool tool : Tool.values()) {
            add(scopes, tool.wireName(), Scope.Kind.TOOL, AccessLevel.READ_ONLY, "Read " + tool.title());
            add(scopes, tool.wireName(), Scope.Kind.TOOL, AccessLevel.STANDARD, "Read and change " + tool.title());
            add(scopes, tool.wireName(), Scope.Kind.TOOL, AccessLevel.ADMIN, "Administer " + tool.title());
        }
        add(scopes, "app_management", Scope.Kind.GATEHOUSE, AccessLevel.READ_ONLY,
                "See the company's app catalogue, installations, install and upgrade requests");
        add(scopes, "app_management", Scope.Kind.GATEHOUSE, AccessLevel.STANDARD, "Ask for an app to be installed");
        add(scopes, "app_management", Scope.Kind.GATEHOUSE, AccessLevel.ADMIN,
                "Enable, install, upgrade and remove apps; manage legacy service accounts");
        add(scopes, "developer", Scope.Kind.GATEHOUSE, AccessLevel.READ_ONLY,
                "See developer organizations, their members, apps, versions and app clients");
        add(scopes, "developer", Scope.Kind.GATEHOUSE, AccessLevel.STANDARD,
                "Register, change and publish apps; manage app clients' secrets");
        add(scopes, "developer", Scope.Kind.GATEHOUSE, AccessLevel.ADMIN,
                "Manage a developer organization's members");
        add(scopes, "service_accounts", Scope.Kind.GATEHOUSE, AccessLevel.READ_ONLY,
                "See the company's service accounts");
        add(scopes, "service_accounts", Scope.Kind.GATEHOUSE, AccessLevel.ADMIN,
                "Create, change, disable and delete the company's service accounts and their secrets");
        add(scopes, "audit", Scope.Kind.GATEHOUSE, AccessLevel.READ_ONLY, "Read the company's audit trail");
        add(scopes, "account", Scope.Kind.GATEHOUSE, AccessLevel.READ_ONLY,
                "See the signed-in person's own account and sessions");
        add(scopes, "account", Scope.Kind.GATEHOUSE, AccessLevel.STANDARD,
                "End the signed-in person's own sessions");
        // Named for what it does (RFC 7662), as it was before the catalogue existed; read access to tokens.
        scopes.put(TOKEN_INTROSPECT, new Scope(TOKEN_INTROSPECT, "token", AccessLevel.READ_ONLY, Scope.Kind.GATEHOUSE,
                "Introspect tokens that act in the service account's own company (a resource server it runs)"));
        return scopes;
    }

    private static void add(Map<String, Scope> scopes, String tool, Scope.Kind kind, AccessLevel level,
            String description) {
        String name = tool + "." + SUFFIX.get(level);
        scopes.put(name, new Scope(name, tool, level, kind, description));
    }

    /** The names of {@code requested} that are not in the catalogue, in order. */
    public static List<String> unknown(Collection<String> requested) {
        List<String> unknown = new ArrayList<>();
        requested.stream().filter(s -> !BY_NAME.containsKey(s)).forEach(unknown::add);
        return unknown;
    }
}
