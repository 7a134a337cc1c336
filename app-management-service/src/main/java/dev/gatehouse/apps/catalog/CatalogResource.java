package dev.gatehouse.apps.catalog;

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

/** {@code GET /companies/{companyId}/apps}: the apps a company can see, before anyone enables or installs them. */
@Path("/companies/{companyId}/apps")
@Authenticated
@Tag(name = "App bindings")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.read")
public class CatalogResource {

    private final CatalogService service;
    private final Caller caller;

    public CatalogResource(CatalogService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Marketplace apps and the company's own, each with its latest version's full permissions "
            + "and scopes, its binding and any installation (members)")
    public Uni<Page<CatalogEntry>> list(@PathParam("companyId") UUID companyId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        caller.requireCompanyMember(companyId);
        return service.list(companyId, PageRequest.of(limit, cursor));
    }
}
