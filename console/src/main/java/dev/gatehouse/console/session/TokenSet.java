package dev.gatehouse.console.session;

import java.time.Instant;

/**
 * What token-service answered at the code exchange or a refresh: the tokens the console keeps for one sign-in, and
 * when the ID token and the access token expire. {@code context} is the company or developer organization the access
 * token acts in ({@link Context#NONE} when it names neither).
 */
public record TokenSet(String idToken, Instant idTokenExpiresAt, String accessToken, Instant accessTokenExpiresAt,
        String refreshToken, Context context) {

    /** Whether the access token still has at least {@code margin} seconds to live at {@code now}. */
    public boolean accessTokenLasts(Instant now, long margin) {
        return accessTokenExpiresAt.isAfter(now.plusSeconds(margin));
    }

    /** Whether the ID token (the console's sign-in, for quarkus-oidc) still has {@code margin} seconds to live. */
    public boolean idTokenLasts(Instant now, long margin) {
        return idTokenExpiresAt.isAfter(now.plusSeconds(margin));
    }
}
