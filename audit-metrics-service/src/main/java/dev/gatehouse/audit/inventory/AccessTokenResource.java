package dev.gatehouse.audit.inventory;

import dev.gatehouse.audit.csv.CsvPageWriter;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * {@code /companies/{companyId}/access-tokens}: the company's access-token inventory, for its admins, as JSON or
 * (with {@code Accept: text/csv}) CSV.
 */
@Path("/companies/{companyId}/access-tokens")
@Authenticated
@Tag(name = "Reports")
public class AccessTokenResource {

    private final AccessTokenInventory inventory;
    private final Caller caller;

    public AccessTokenResource(AccessTokenInventory inventory, Caller caller) {
        this.inventory = inventory;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvPageWriter.TEXT_CSV})
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "audit.read")
    @Operation(summary = "Every credential that issued tokens in the company: kind, person, first and last issued, "
            + "tokens, last used, status; most recently issued first")
    public Uni<Page<AccessToken>> list(@PathParam("companyId") UUID companyId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        caller.requireCompanyAdmin(companyId);
        return inventory.list(companyId, page);
    }
}
