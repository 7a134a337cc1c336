package dev.gatehouse.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule that lets an old and a new replica run against the same schema during a rolling upgrade
 * (docs/operations.md, "Rolling upgrades"): a migration only <em>expands</em> (adds tables, nullable columns or
 * columns with a default, indexes, wider constraints), so the previous release's code keeps working on it; what the
 * new code no longer needs is <em>contracted</em> (dropped, renamed, narrowed) one release later, in a migration that
 * says so in a header {@code -- contract: unused since <version>} naming a release that has shipped, that is one
 * before the version being built.
 */
public final class ExpandContractRule {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");
    private static final Pattern CONTRACT = Pattern.compile("--\\s*contract:\\s*unused since (\\d+)\\.(\\d+)\\.(\\d+)");
    /** Statements an old replica may trip over: its queries name what they remove, rename or narrow. */
    private static final List<Pattern> CONTRACTING = List.of(
            Pattern.compile("\\bdrop\\s+(table|column|view|materialized\\s+view)\\b"),
            Pattern.compile("\\balter\\s+table\\s+\\S+\\s+drop\\s+(?!constraint\\b)(?!index\\b)\\S+"),
            Pattern.compile("\\brename\\b"),
            Pattern.compile("\\balter\\s+column\\s+\\S+\\s+(set\\s+data\\s+)?type\\b"),
            Pattern.compile("\\bset\\s+not\\s+null\\b"),
            // a required column without a default: the old replica's inserts leave it out
            Pattern.compile("\\badd\\s+column\\s+(if\\s+not\\s+exists\\s+)?\\S+\\s+[^,;]*\\bnot\\s+null\\b"
                    + "(?![^,;]*\\bdefault\\b)"));

    private ExpandContractRule() {
    }

    /**
     * What breaks the rule among the versioned migrations in {@code migrations} numbered above
     * {@code releasedBeforeTheRule} (those are history), for a build of {@code currentVersion}.
     */
    public static List<String> violations(Path migrations, int releasedBeforeTheRule, String currentVersion)
            throws IOException {
        List<String> violations = new ArrayList<>();
        int[] current = version(currentVersion);
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = VERSIONED.matcher(file.getFileName().toString());
                if (!name.matches() || Integer.parseInt(name.group(1)) <= releasedBeforeTheRule) {
                    continue;
                }
                String sql = Files.readString(file);
                Matcher contract = CONTRACT.matcher(sql);
                String code = sql.replaceAll("--[^\n]*", "").toLowerCase(Locale.ROOT);
                boolean contracts = CONTRACTING.stream().anyMatch(p -> p.matcher(code).find());
                if (contract.find()) {
                    int[] since = {Integer.parseInt(contract.group(1)), Integer.parseInt(contract.group(2)),
                            Integer.parseInt(contract.group(3))};
                    if (!shippedBefore(since, current)) {
                        violations.add(file.getFileName() + " contracts what is unused since " + contract.group(1)
                                + "." + contract.group(2) + "." + contract.group(3) + ", which has not shipped "
                                + "before " + currentVersion + ": old replicas may still use it");
                    }
                } else if (contracts) {
                    violations.add(file.getFileName() + " drops, renames or narrows something an old replica may "
                            + "still use: expand now, contract a release later (-- contract: unused since <version>)");
                }
            }
        }
        return violations;
    }

    /** Whether {@code since} is an earlier release than the one being built (its snapshot included). */
    private static boolean shippedBefore(int[] since, int[] current) {
        for (int i = 0; i < 3; i++) {
            if (since[i] != current[i]) {
                return since[i] < current[i];
            }
        }
        return false;
    }

    private static int[] version(String version) {
        Matcher m = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)").matcher(version);
        if (!m.find()) {
            throw new IllegalArgumentException("not a version: " + version);
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }
}
