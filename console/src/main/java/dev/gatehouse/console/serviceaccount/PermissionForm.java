package dev.gatehouse.console.serviceaccount;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Edit Permissions form of a service account's directory user: a level per tool for the company and per
 * project-level tool for the chosen projects, and the high-risk acknowledgement. Each tool's select sends
 * {@code tool=level} under one name ({@code companyPermissions} or {@code projectPermissions}), so the form needs no
 * field named after a tool; token-service checks the tools and levels.
 */
public record PermissionForm(Map<String, String> company, Map<String, String> project, Set<String> projectIds,
        boolean acknowledgeHighRisk) {

    private static final String NONE = "none";

    /** The form filled with the account's permissions as token-service shows them ({@code serviceAccount}). */
    @SuppressWarnings("unchecked")
    static PermissionForm of(Map<String, Object> account) {
        Map<String, Object> user = account.get("serviceAccount") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
        List<Object> projects = user.get("projectIds") instanceof List<?> l ? (List<Object>) l : List.of();
        return new PermissionForm(levels(user.get("companyPermissions")), levels(user.get("projectPermissions")),
                projects.stream().map(String::valueOf).collect(Collectors.toCollection(
                        LinkedHashSet::new)), Boolean.TRUE.equals(user.get("highRisk")));
    }

    /** The form as submitted; a value without {@code =} is kept as a tool with no level, for token-service to name. */
    static PermissionForm typed(List<String> company, List<String> project, List<String> projectIds,
            boolean acknowledgeHighRisk) {
        return new PermissionForm(pairs(company), pairs(project),
                projectIds == null ? Set.of() : new LinkedHashSet<>(projectIds), acknowledgeHighRisk);
    }

    /** The level chosen for a company-level tool; {@code none} when not given. */
    public String companyLevel(String tool) {
        return company.getOrDefault(tool, NONE);
    }

    /** The level chosen for a tool on the chosen projects; {@code none} when not given. */
    public String projectLevel(String tool) {
        return project.getOrDefault(tool, NONE);
    }

    /** The PUT body: tools left at none are left out (the same as none). */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyPermissions", withoutNone(company));
        body.put("projectPermissions", withoutNone(project));
        body.put("projectIds", List.copyOf(projectIds));
        body.put("acknowledgeHighRisk", acknowledgeHighRisk);
        return body;
    }

    private static Map<String, String> levels(Object wire) {
        Map<String, String> levels = new LinkedHashMap<>();
        if (wire instanceof Map<?, ?> map) {
            map.forEach((tool, level) -> levels.put(String.valueOf(tool), String.valueOf(level)));
        }
        return levels;
    }

    private static Map<String, String> pairs(List<String> values) {
        Map<String, String> levels = new LinkedHashMap<>();
        for (String value : values == null ? List.<String>of() : values) {
            int at = value.indexOf('=');
            levels.put(at < 0 ? value : value.substring(0, at), at < 0 ? "" : value.substring(at + 1));
        }
        return levels;
    }

    private static Map<String, String> withoutNone(Map<String, String> levels) {
        Map<String, String> kept = new LinkedHashMap<>(levels);
        kept.values().removeIf(NONE::equals);
        return kept;
    }
}
