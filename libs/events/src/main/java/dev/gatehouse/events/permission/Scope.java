package dev.gatehouse.events.permission;

/**
 * One scope of the catalogue ({@link ScopeCatalogue}): the most a token carrying it may do in one tool, or in one
 * part of Gatehouse's own API, whatever its caller's permissions. The caller's permissions still apply: a token can
 * do what both allow. Part of the published language, like {@link Tool} and {@link AccessLevel}.
 *
 * @param name  the wire name, {@code <tool>.<read|write|admin>}, as tokens' {@code scope} claim carries it
 * @param tool  the tool's wire name ({@link Kind#TOOL}), or the part of Gatehouse's API ({@link Kind#GATEHOUSE})
 * @param level the level the scope allows on it: read = read_only, write = standard, admin = admin
 */
public record Scope(String name, String tool, AccessLevel level, Kind kind, String description) {

    /** What a scope opens: a tool of the directory's permission model, or a part of Gatehouse's own API. */
    public enum Kind {
        TOOL, GATEHOUSE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A higher level of the same tool covers a lower one: {@code projects.admin} covers {@code projects.read}. */
    public boolean covers(Scope required) {
        return tool.equals(required.tool) && level.atLeast(required.level);
    }
}
