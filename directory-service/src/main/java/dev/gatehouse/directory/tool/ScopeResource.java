package dev.gatehouse.directory.tool;

import dev.gatehouse.events.permission.ScopeCatalogue;
import dev.gatehouse.web.security.ApiSecurity;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * {@code /scopes}: the scope catalogue every token's {@code scope} is drawn from, next to the tools it opens. Any
 * authenticated caller may read it (a developer writing a manifest, an admin reading a consent or an install).
 */
@Path("/scopes")
@Authenticated
@Tag(name = "Tools")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.BEARER)
public class ScopeResource {

    /** One scope as clients see it: what it opens ({@code kind} tool or gatehouse), at which level. */
    public record ScopeEntry(String name, String tool, String kind, String level, String description) {
    }

    private static final List<ScopeEntry> CATALOGUE = ScopeCatalogue.ALL.stream()
            .map(s -> new ScopeEntry(s.name(), s.tool(), s.kind().wireName(), s.level().wireName(), s.description()))
            .toList();

    @GET
    @Operation(summary = "The scope catalogue: each scope names the tool (or part of Gatehouse's API) and the "
            + "level it allows; a higher level of the same tool covers a lower one")
    public List<ScopeEntry> list() {
        return CATALOGUE;
    }
}
