package dev.gatehouse.events.token;

import java.util.UUID;

/**
 * A wrong password for an existing account ({@code reason} {@code bad_password}), or a sign-in refused because the
 * account is disabled. Failures for addresses without an account are not recorded: what was typed may be anything,
 * a password included.
 */
public record SignInFailed(UUID accountId, String reason, String sourceAddress) {
}
