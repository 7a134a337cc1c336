package dev.gatehouse.apps.version;

import com.fasterxml.jackson.databind.JsonNode;

/** Body of {@code PUT /apps/{appId}/versions/{version}}: a draft's new manifest. */
public record ManifestRequest(JsonNode manifest) {
}
