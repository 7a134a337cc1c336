package dev.gatehouse.apps.version;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.events.apps.AppManifest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /apps/{appId}/versions/{version}}: a draft's new manifest. */
public record ManifestRequest(
        @Schema(implementation = AppManifest.class, description = VersionRequest.MANIFEST) JsonNode manifest) {
}
