package dev.gatehouse.events.token;

import java.util.List;
import java.util.UUID;

/** An OAuth client was registered. {@code ownerType}: company, developer_org or platform. */
public record ClientCreated(String clientId, String name, String ownerType, UUID ownerId, List<String> grantTypes,
        List<String> scopes, int tokenLifetimeSeconds, String signingAlgorithm) {
}
