package dev.gatehouse.audit.trail;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * The app, installation and OAuth client an event is about, as the trail's filters use them: read from the payload's
 * {@code appId}, {@code installationId} and {@code clientId}, or from the installation or legacy account state it
 * carries. An app event with only a client id gets its app from {@code app_client} when it is recorded.
 */
record EntryRefs(UUID appId, UUID installationId, String clientId) {

    static EntryRefs of(JsonNode payload) {
        JsonNode installation = payload.path("installation");
        JsonNode account = payload.path("account");
        return new EntryRefs(uuid(first(payload.path("appId"), installation.path("appId"))),
                uuid(first(payload.path("installationId"), installation.path("installationId"),
                        account.path("installationId"))),
                text(first(payload.path("clientId"), installation.path("clientId"), account.path("clientId"))));
    }

    private static JsonNode first(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isTextual()) {
                return candidate;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.asText();
    }

    private static UUID uuid(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
