package dev.gatehouse.token.authorize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.events.permission.AccessLevel;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a person is asked to let an app do for them in a company: catalogue scopes, and the installation's tool
 * permissions (company-wide and per permitted project), which bound what the app can do whatever the person may.
 * Consent is remembered as one of these; a later request asks only for what it adds ({@link #beyond}).
 */
public record AppAsk(List<String> scopes, Map<String, AccessLevel> company, Map<String, AccessLevel> project) {

    private static final TypeReference<Map<String, Map<String, AccessLevel>>> PERMISSIONS = new TypeReference<>() {
    };

    public static final AppAsk NOTHING = new AppAsk(List.of(), Map.of(), Map.of());

    /** The catalogue scopes asked for, with the installation's permissions. */
    static AppAsk of(List<String> catalogueScopes, InstallationState installation) {
        return new AppAsk(List.copyOf(catalogueScopes), new TreeMap<>(installation.companyPermissions()),
                new TreeMap<>(installation.projectPermissions()));
    }

    /** What this asks for that {@code approved} did not cover: new scopes, and tool levels above the approved. */
    AppAsk beyond(AppAsk approved) {
        return new AppAsk(scopes.stream().filter(s -> !approved.scopes.contains(s)).toList(),
                above(company, approved.company), above(project, approved.project));
    }

    /** Both together: what is approved once the difference is. */
    AppAsk plus(AppAsk more) {
        List<String> all = new java.util.ArrayList<>(scopes);
        more.scopes.stream().filter(s -> !all.contains(s)).forEach(all::add);
        return new AppAsk(List.copyOf(all), max(company, more.company), max(project, more.project));
    }

    public boolean isEmpty() {
        return scopes.isEmpty() && company.isEmpty() && project.isEmpty();
    }

    /** The permissions as stored and shown: {@code {"company": {tool: level}, "project": {tool: level}}}. */
    public String permissionsJson() {
        Map<String, Map<String, AccessLevel>> both = new LinkedHashMap<>();
        both.put("company", company);
        both.put("project", project);
        try {
            return EventJson.mapper().writeValueAsString(both);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Read back from the stored scopes and {@link #permissionsJson}. */
    public static AppAsk read(String scopes, String permissionsJson) {
        try {
            Map<String, Map<String, AccessLevel>> both = EventJson.mapper().readValue(permissionsJson, PERMISSIONS);
            return new AppAsk(scopes.isBlank() ? List.of() : List.of(scopes.split(" ")),
                    both.getOrDefault("company", Map.of()), both.getOrDefault("project", Map.of()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, AccessLevel> above(Map<String, AccessLevel> asked, Map<String, AccessLevel> approved) {
        Map<String, AccessLevel> more = new TreeMap<>();
        asked.forEach((tool, level) -> {
            if (level != AccessLevel.NONE && !approved.getOrDefault(tool, AccessLevel.NONE).atLeast(level)) {
                more.put(tool, level);
            }
        });
        return more;
    }

    private static Map<String, AccessLevel> max(Map<String, AccessLevel> a, Map<String, AccessLevel> b) {
        Map<String, AccessLevel> both = new TreeMap<>(a);
        b.forEach((tool, level) -> both.merge(tool, level, (x, y) -> x.atLeast(y) ? x : y));
        return both;
    }
}
