package dev.gatehouse.apps.upgrade;

import dev.gatehouse.apps.installation.Grant;
import dev.gatehouse.events.permission.AccessLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The exact difference between the grant in force and a new version's: each tool whose level changes (company and
 * project level separately) and the scopes added and removed. Additions wait for an admin; removals apply at once.
 */
public record GrantDiff(List<LevelChange> companyPermissions, List<LevelChange> projectPermissions,
        List<String> scopesAdded, List<String> scopesRemoved) {

    /**
     * One tool's level changing.
     *
     * @param change {@code added} (from none), {@code removed} (to none), {@code raised} or {@code lowered}
     */
    public record LevelChange(String tool, AccessLevel from, AccessLevel to, String change) {
    }

    public static GrantDiff between(Grant from, Grant to) {
        return new GrantDiff(changes(from.companyPermissions(), to.companyPermissions()),
                changes(from.projectPermissions(), to.projectPermissions()),
                to.scopes().stream().filter(s -> !from.scopes().contains(s)).toList(),
                from.scopes().stream().filter(s -> !to.scopes().contains(s)).toList());
    }

    /** Whether anything is added or raised: that needs an admin's approval. */
    public boolean addsAnything() {
        return !scopesAdded.isEmpty() || companyPermissions.stream().anyMatch(GrantDiff::adds)
                || projectPermissions.stream().anyMatch(GrantDiff::adds);
    }

    /** What approving adds, one line each: {@code company:budget:none->read_only}, {@code scope:budget.read}. */
    public List<String> additions() {
        List<String> out = new ArrayList<>();
        companyPermissions.stream().filter(GrantDiff::adds).forEach(c -> out.add("company:" + line(c)));
        projectPermissions.stream().filter(GrantDiff::adds).forEach(c -> out.add("project:" + line(c)));
        scopesAdded.forEach(scope -> out.add("scope:" + scope));
        return out;
    }

    /** Every change, one line each: {@code company:budget:read_only->none}, {@code scope-removed:budget.read}. */
    public List<String> changes() {
        List<String> out = new ArrayList<>();
        companyPermissions.forEach(c -> out.add("company:" + line(c)));
        projectPermissions.forEach(c -> out.add("project:" + line(c)));
        scopesAdded.forEach(scope -> out.add("scope:" + scope));
        scopesRemoved.forEach(scope -> out.add("scope-removed:" + scope));
        return out;
    }

    private static String line(LevelChange c) {
        return c.tool() + ":" + c.from().wireName() + "->" + c.to().wireName();
    }

    private static boolean adds(LevelChange c) {
        return c.to().compareTo(c.from()) > 0;
    }

    private static List<LevelChange> changes(Map<String, AccessLevel> from, Map<String, AccessLevel> to) {
        TreeSet<String> tools = new TreeSet<>(from.keySet());
        tools.addAll(to.keySet());
        List<LevelChange> out = new ArrayList<>();
        for (String tool : tools) {
            AccessLevel a = from.getOrDefault(tool, AccessLevel.NONE);
            AccessLevel b = to.getOrDefault(tool, AccessLevel.NONE);
            if (a == b) {
                continue;
            }
            String change = a == AccessLevel.NONE ? "added" : b == AccessLevel.NONE ? "removed"
                    : b.compareTo(a) > 0 ? "raised" : "lowered";
            out.add(new LevelChange(tool, a, b, change));
        }
        return out;
    }
}
