package dev.gatehouse.apps.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /manifest-schema}: public, so editors and CI pipelines can validate manifests without a token. */
@Path("/manifest-schema")
@PermitAll
@Tag(name = "Manifests")
@SecurityRequirementsSet
public class ManifestSchemaResource {

    @GET
    @Produces({"application/schema+json", "application/json"})
    @Operation(summary = "The JSON Schema (draft 2020-12) every app manifest must satisfy")
    @APIResponse(responseCode = "200", description = "The schema", content = {
            @Content(mediaType = "application/schema+json", schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT))})
    public ObjectNode schema() {
        return ManifestSchema.document();
    }
}
