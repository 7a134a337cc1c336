package dev.gatehouse.directory.permissionset;

import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.Tool;
import dev.gatehouse.web.permission.PermissionInput;
import dev.gatehouse.web.problem.ProblemException;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tool permissions, either company-level or on one project. A tool not in the set is {@code none}, so "no
 * permissions" and "everything at none" are the same value.
 */
public record PermissionSet(Map<Tool, AccessLevel> levels) {

    public static final PermissionSet NONE = new PermissionSet(Map.of());

    public PermissionSet {
        EnumMap<Tool, AccessLevel> kept = new EnumMap<>(Tool.class);
        levels.forEach((tool, level) -> {
            if (level != AccessLevel.NONE) {
                kept.put(tool, level);
            }
        });
        levels = Collections.unmodifiableMap(kept);
    }

    public AccessLevel level(Tool tool) {
        return levels.getOrDefault(tool, AccessLevel.NONE);
    }

    /** As events carry it: tool name to level, sorted, tools at {@code none} left out. */
    public Map<String, AccessLevel> wire() {
        Map<String, AccessLevel> wire = new TreeMap<>();
        levels.forEach((tool, level) -> wire.put(tool.wireName(), level));
        return wire;
    }

    /** As the API shows it: every tool that can be granted here, {@code none} included, in catalogue order. */
    public Map<String, AccessLevel> shown(boolean projectLevel) {
        Map<String, AccessLevel> shown = new LinkedHashMap<>();
        for (Tool tool : Tool.all()) {
            if (!projectLevel || tool.projectLevel()) {
                shown.put(tool.wireName(), level(tool));
            }
        }
        return shown;
    }

    /** From an event. Tools this service does not know yet are skipped: producers may add tools first. */
    public static PermissionSet fromWire(Map<String, AccessLevel> wire) {
        Map<Tool, AccessLevel> levels = new EnumMap<>(Tool.class);
        if (wire != null) {
            wire.forEach((name, level) -> Tool.byWireName(name).ifPresent(t -> levels.put(t, level)));
        }
        return new PermissionSet(levels);
    }

    /**
     * From a request body's {@code permissions} object. Every unknown tool, unknown level, or (for a project)
     * tool that has no project level is reported at once as a 400 with one field error each.
     */
    public static PermissionSet parse(Map<String, String> raw, boolean projectLevel) {
        if (raw == null) {
            throw ProblemException.invalid("permissions", "is required: an object of tool name to access level");
        }
        return new PermissionSet(PermissionInput.parse(raw, projectLevel, "permissions"));
    }
}
