package dev.gatehouse.events.token;

/**
 * A client failed to authenticate at an OAuth endpoint. {@code clientId} is what was presented (it may not exist);
 * {@code reason}: unknown_client, bad_secret, disabled.
 */
public record ClientAuthenticationFailed(String clientId, String method, String reason, String sourceAddress) {
}
