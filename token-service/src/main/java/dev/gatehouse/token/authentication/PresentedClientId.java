package dev.gatehouse.token.authentication;

import dev.gatehouse.token.client.SecretHasher;

import java.util.regex.Pattern;

/**
 * What of an unknown presented client id may be written into an event, the audit trail and Kafka. Clients often
 * swap id and secret, so an unknown "id" may be a secret: only ids of a shape Gatehouse makes are kept
 * ({@code sa_}, {@code pa_}, {@code fp_}, {@code lsa_} or {@code app_} and 32 hex digits); anything else, a
 * {@code gatehouse_cs_} secret above all, is replaced by a marker saying what it looked like.
 */
final class PresentedClientId {

    static final String REDACTED_SECRET = "(redacted: looked like a client secret)";
    static final String REDACTED_OTHER = "(redacted: not a Gatehouse client id)";
    private static final Pattern KNOWN_SHAPE = Pattern.compile("(sa|pa|fp|lsa|app)_[0-9a-f]{32}");

    private PresentedClientId() {
    }

    static String recordable(String presented) {
        if (presented.startsWith(SecretHasher.PREFIX)) {
            return REDACTED_SECRET;
        }
        return KNOWN_SHAPE.matcher(presented).matches() ? presented : REDACTED_OTHER;
    }
}
