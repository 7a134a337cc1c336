package dev.gatehouse.events.token;

import java.util.List;

/** A client's name, description, scopes or token lifetime changed; the fields show the new values. */
public record ClientUpdated(String clientId, String name, String description, List<String> scopes,
        int tokenLifetimeSeconds) {
}
