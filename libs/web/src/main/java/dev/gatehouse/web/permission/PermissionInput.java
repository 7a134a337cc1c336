package dev.gatehouse.web.permission;

import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.Tool;
import dev.gatehouse.web.problem.Problem;
import dev.gatehouse.web.problem.ProblemException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tool permissions as a request body gives them (tool name to level name), checked against the published tool
 * catalogue. Every unknown tool, unknown level, or (per project) tool that has no project level is one field error,
 * so a client sees all its mistakes at once.
 */
public final class PermissionInput {

    private PermissionInput() {
    }

    /** The levels in {@code raw}, or a 400 naming each offending {@code field.<tool>}. */
    public static Map<Tool, AccessLevel> parse(Map<String, String> raw, boolean projectLevel, String field) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<Tool, AccessLevel> levels = parse(raw, projectLevel, field, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return levels;
    }

    /** The valid levels in {@code raw}; what is wrong is added to {@code errors}. A null map is no permissions. */
    public static Map<Tool, AccessLevel> parse(Map<String, String> raw, boolean projectLevel, String field,
            List<Problem.FieldError> errors) {
        Map<Tool, AccessLevel> levels = new EnumMap<>(Tool.class);
        if (raw == null) {
            return levels;
        }
        raw.forEach((name, levelName) -> {
            String at = field + "." + name;
            var tool = Tool.byWireName(name);
            var level = levelName == null ? Optional.<AccessLevel>empty() : AccessLevel.byWireName(levelName);
            if (tool.isEmpty()) {
                errors.add(new Problem.FieldError(at, "is not a tool (see GET /tools)"));
            } else if (projectLevel && !tool.get().projectLevel()) {
                errors.add(new Problem.FieldError(at, "is a company-level tool and cannot be given per project"));
            } else if (level.isEmpty()) {
                errors.add(new Problem.FieldError(at, "must be one of none, read_only, standard, admin"));
            } else {
                levels.put(tool.get(), level.get());
            }
        });
        return levels;
    }
}
