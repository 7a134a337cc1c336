package dev.gatehouse.directory.tool;

import dev.gatehouse.web.security.ApiSecurity;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /tools}: the tool catalogue permissions are expressed in. The same for every company; any
 * authenticated caller (an admin choosing permissions, a developer writing a manifest) may read it.
 */
@Path("/tools")
@Authenticated
@Tag(name = "Tools")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.BEARER)
public class ToolResource {

    private static final ToolCatalogue CATALOGUE = ToolCatalogue.current();

    @GET
    @Operation(summary = "The tools and their ordered access levels (none < read_only < standard < admin)")
    public ToolCatalogue list() {
        return CATALOGUE;
    }
}
