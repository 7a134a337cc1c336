package dev.gatehouse.events.token;

import java.util.UUID;

/**
 * A person proved who they are and a sign-in session started. {@code amr}: how (RFC 8176 values, e.g. {@code pwd}).
 */
public record SignedIn(UUID accountId, UUID sessionId, String amr, String sourceAddress) {
}
