package dev.gatehouse.token.account;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a new password must be (docs/security.md): 12 to 256 characters; not one of the 17,950 most common
 * passwords of 8 characters or more (shipped in {@code account/common-passwords.txt}), also not once trailing
 * digits and punctuation are taken off ("baseball2024!" is "baseball"); and not the person's own e-mail address or
 * its name part. No composition rules (NIST SP 800-63B §3.1.1.2): length and the list do the work.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** Argon2 takes any length; the bound keeps a request from making it hash megabytes. */
    public static final int MAX_LENGTH = 256;
    private static final Pattern TRAILING_DECORATION = Pattern.compile("[\\d\\p{Punct}\\s]+$");
    private static final String LIST = "/account/common-passwords.txt";

    private final Set<String> common = load();

    /** Why {@code password} may not be used by the owner of {@code email}; empty if it may. */
    public Optional<String> refusal(String password, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String bare = TRAILING_DECORATION.matcher(lower).replaceAll("");
        if (common.contains(lower) || common.contains(bare)) {
            return Optional.of("This password is one of the most commonly used ones; choose another");
        }
        if (email != null) {
            String address = Account.key(email);
            int at = address.indexOf('@');
            String name = at > 0 ? address.substring(0, at) : address;
            if (lower.contains(address) || (name.length() >= 4 && bare.equals(name))) {
                return Optional.of("Do not use your e-mail address as your password");
            }
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
