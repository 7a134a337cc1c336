package dev.gatehouse.directory.manageduser;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names app users the way seed 000 (Procore DMSA) does: "My DMSA Test App" becomes
 * {@code my-dmsa-test-app-469b1f7f} — the app name lower-cased, each run of other characters turned into one dash,
 * then a dash and eight random hex digits, so two installations of one app stay apart in a directory.
 */
public final class AppUserNames {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Room for the suffix within the directory's 200-character names. */
    private static final int MAX_STEM = 190;

    private AppUserNames() {
    }

    public static String forApp(String appName) {
        return stem(appName) + "-" + HexFormat.of().toHexDigits(RANDOM.nextInt());
    }

    /** The lower-cased, dash-separated part; {@code app} when the name has no letters or digits at all. */
    static String stem(String appName) {
        String stem = appName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (stem.length() > MAX_STEM) {
            stem = stem.substring(0, MAX_STEM).replaceAll("-+$", "");
        }
        return stem.isEmpty() ? "app" : stem;
    }
}
