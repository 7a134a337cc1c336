package dev.gatehouse.apps.version;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.events.apps.AppManifest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /apps/{appId}/versions} ({@code version} and {@code manifest}) and of the draft's
 * {@code PUT} ({@code manifest} only). The manifest is checked against {@code GET /manifest-schema}.
 */
public record VersionRequest(@NotBlank(message = "is required") @Size(max = 100, message = "is too long")
        String version,
        @Schema(implementation = AppManifest.class, description = MANIFEST) JsonNode manifest) {

    static final String MANIFEST = "The app manifest, checked against GET /manifest-schema (its full JSON Schema)";
}
