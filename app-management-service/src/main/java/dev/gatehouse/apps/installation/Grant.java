package dev.gatehouse.apps.installation;

import dev.gatehouse.events.apps.AppManifest;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.ScopeCatalogue;
import dev.gatehouse.events.permission.Tool;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The permissions and scopes in force for an installation: a version's manifest, less whatever a later version
 * dropped before its upgrade was approved. Tools at {@code none} are left out, so equal grants are equal values.
 */
public record Grant(Map<String, AccessLevel> companyPermissions, Map<String, AccessLevel> projectPermissions,
        List<String> scopes) {

    public Grant {
        companyPermissions = normalized(companyPermissions);
        projectPermissions = normalized(projectPermissions);
        scopes = List.copyOf(new TreeSet<>(scopes == null ? List.of() : scopes));
    }

    /**
     * The grant a version asks for. An app that does not enforce scopes (the legacy behaviour) is granted every
     * scope of the catalogue, so its app user's permissions are the only limit; an upgrade that stops enforcing
     * therefore adds scopes, and waits for an admin like any other widening.
     */
    public static Grant of(AppManifest manifest) {
        return new Grant(manifest.companyPermissions(), manifest.projectPermissions(),
                manifest.scopesEnforced() ? manifest.scopes() : ScopeCatalogue.names());
    }

    /**
     * High risk, as the issue defines it: admin on the company Directory tool, which lets the app manage people and
     * their permissions.
     */
    public boolean highRisk() {
        return !highRiskCompanyPermissions().isEmpty();
    }

    /** The company-level tools whose level here makes the grant high risk, for pages that mark them. */
    public List<String> highRiskCompanyPermissions() {
        return companyPermissions.get(Tool.DIRECTORY.wireName()) == AccessLevel.ADMIN
                ? List.of(Tool.DIRECTORY.wireName()) : List.of();
    }

    /**
     * What stays of this grant under {@code next}: each tool at the lower of the two levels, and only the scopes
     * both have. Removals take effect at once; this is the grant until an upgrade to {@code next} is approved.
     */
    public Grant keepingOnlyWhatIsIn(Grant next) {
        return new Grant(lower(companyPermissions, next.companyPermissions),
                lower(projectPermissions, next.projectPermissions),
                scopes.stream().filter(next.scopes::contains).toList());
    }

    private static Map<String, AccessLevel> lower(Map<String, AccessLevel> a, Map<String, AccessLevel> b) {
        Map<String, AccessLevel> out = new TreeMap<>();
        a.forEach((tool, level) -> {
            AccessLevel other = b.getOrDefault(tool, AccessLevel.NONE);
            out.put(tool, level.compareTo(other) <= 0 ? level : other);
        });
        return out;
    }

    private static Map<String, AccessLevel> normalized(Map<String, AccessLevel> levels) {
        Map<String, AccessLevel> out = new TreeMap<>();
        if (levels != null) {
            levels.forEach((tool, level) -> {
                if (level != null && level != AccessLevel.NONE) {
                    out.put(tool, level);
                }
            });
        }
        return Collections.unmodifiableMap(out);
    }
}
