package dev.gatehouse.events.token;

import java.util.UUID;

/**
 * A person's password was replaced: {@code how} is {@code changed} (they gave the current one) or {@code reset}
 * (through an e-mailed link). Every session, refresh token and access token from before ended with it. Never
 * carries a password or a link.
 */
public record PasswordChanged(UUID accountId, String how) {

    public static final String CHANGED = "changed";
    public static final String RESET = "reset";
}
