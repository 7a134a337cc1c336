package dev.gatehouse.apps.legacy;

import dev.gatehouse.apps.installation.Grant;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.Tool;
import dev.gatehouse.web.permission.PermissionInput;
import dev.gatehouse.web.problem.Problem;
import dev.gatehouse.web.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A request's permissions as a {@link Grant} (no scopes), every mistake in either object reported at once. */
final class LegacyPermissions {

    private LegacyPermissions() {
    }

    /** The grant the request asks for; an absent object keeps {@code current}'s levels for it. */
    static Grant of(Map<String, String> company, Map<String, String> project, Grant current) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, AccessLevel> companyLevels = wire(PermissionInput.parse(company, false, "companyPermissions",
                errors));
        Map<String, AccessLevel> projectLevels = wire(PermissionInput.parse(project, true, "projectPermissions",
                errors));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Grant(company == null && current != null ? current.companyPermissions() : companyLevels,
                project == null && current != null ? current.projectPermissions() : projectLevels, List.of());
    }

    private static Map<String, AccessLevel> wire(Map<Tool, AccessLevel> levels) {
        Map<String, AccessLevel> out = new TreeMap<>();
        levels.forEach((tool, level) -> out.put(tool.wireName(), level));
        return out;
    }
}
