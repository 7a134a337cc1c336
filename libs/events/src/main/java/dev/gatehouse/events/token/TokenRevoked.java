package dev.gatehouse.events.token;

/**
 * Tokens were revoked: one ({@code jti} set), or every token issued to the client so far ({@code jti} null).
 */
public record TokenRevoked(String clientId, String jti, String reason) {
}
