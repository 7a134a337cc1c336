package dev.gatehouse.token.endpoint;

import dev.gatehouse.token.key.KeyRing;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The JWK Set (RFC 7517 §5) resource servers verify access tokens with: the active and previous keys. */
@Path("/oauth2/jwks")
@PermitAll
@Tag(name = "OAuth 2.0")
@SecurityRequirementsSet
public class JwksEndpoint {

    private final KeyRing keys;

    public JwksEndpoint(KeyRing keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "JSON Web Key Set of the token signing keys")
    @APIResponse(responseCode = "200", description = "The public signing keys (RFC 7517 §5); cacheable for a minute",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    requiredProperties = "keys")))
    public Response jwks() {
        // Short caching: after a rotation, verifiers see the new key within a minute.
        return Response.ok(keys.jwks()).header("Cache-Control", "public, max-age=60").build();
    }
}
