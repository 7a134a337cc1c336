package dev.gatehouse.events.token;

import java.util.UUID;

/**
 * A sign-in session ended before its time ({@code reason}: {@code signed_out}, {@code ended_by_owner},
 * {@code account_disabled}), and with it the refresh tokens of every application it signed in to.
 */
public record SessionEnded(UUID accountId, UUID sessionId, String reason) {
}
