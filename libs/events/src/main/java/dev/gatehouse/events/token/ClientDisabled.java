package dev.gatehouse.events.token;

/** A client was disabled: it cannot authenticate and its tokens stop introspecting as active. */
public record ClientDisabled(String clientId, String reason) {
}
