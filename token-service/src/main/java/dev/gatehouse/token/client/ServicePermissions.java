package dev.gatehouse.token.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.Tool;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a company service account's directory user may do (Itential's "Edit Permissions"): company-level tool levels,
 * tool levels on each of its projects, and those projects. Kept on the client ({@code service_permissions},
 * {@code service_project_ids}); directory-service applies it from {@code ServiceAccountChanged}.
 */
public record ServicePermissions(Map<String, AccessLevel> company, Map<String, AccessLevel> project,
        List<UUID> projectIds) {

    private static final TypeReference<Map<String, Map<String, AccessLevel>>> BOTH = new TypeReference<>() {
    };

    public static final ServicePermissions NONE = new ServicePermissions(Map.of(), Map.of(), List.of());

    /** The client's, or {@link #NONE} for a client that has none. */
    public static ServicePermissions of(Client c) {
        if (c.servicePermissions == null) {
            return NONE;
        }
        try {
            Map<String, Map<String, AccessLevel>> both = EventJson.mapper().readValue(c.servicePermissions, BOTH);
            List<UUID> projects = c.serviceProjectIds == null || c.serviceProjectIds.isBlank() ? List.of()
                    : Arrays.stream(c.serviceProjectIds.trim().split(" +")).map(UUID::fromString).toList();
            return new ServicePermissions(both.getOrDefault("company", Map.of()),
                    both.getOrDefault("project", Map.of()), projects);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written onto the client. */
    public void writeTo(Client c) {
        Map<String, Map<String, AccessLevel>> both = new LinkedHashMap<>();
        both.put("company", new TreeMap<>(company));
        both.put("project", new TreeMap<>(project));
        try {
            c.servicePermissions = EventJson.mapper().writeValueAsString(both);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        c.serviceProjectIds = String.join(" ", projectIds.stream().map(UUID::toString).toList());
    }

    /** The high-risk permission, as for apps: admin on the company's Directory. */
    public boolean highRisk() {
        return company.getOrDefault(Tool.DIRECTORY.wireName(), AccessLevel.NONE) == AccessLevel.ADMIN;
    }
}
