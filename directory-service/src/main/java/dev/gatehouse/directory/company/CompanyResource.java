package dev.gatehouse.directory.company;

import dev.gatehouse.directory.access.CompanyAccess;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** {@code /companies}: the tenants. Creating one is a platform admin's job; members see their own. */
@Path("/companies")
@Authenticated
@Tag(name = "Companies")
@Produces(MediaType.APPLICATION_JSON)
public class CompanyResource {

    private final CompanyService service;
    private final Caller caller;
    private final CompanyAccess access;

    public CompanyResource(CompanyService service, Caller caller, CompanyAccess access) {
        this.service = service;
        this.caller = caller;
        this.access = access;
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.PLATFORM)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a company (platform admin)")
    @APIResponseSchema(value = CompanyResponse.class, responseCode = "201",
            responseDescription = "Created; Location names it")
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") CompanyRequest request,
            UriInfo uri) {
        caller.requirePlatformAdmin();
        return service.create(request.name(), caller.actor())
                .map(c -> Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
                        .entity(CompanyResponse.of(c)).build());
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Operation(summary = "List companies: all for a platform admin; for a person's token that names no company, "
            + "the companies they are an active person of; the token's own company otherwise")
    public Uni<Page<CompanyResponse>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        if (caller.isPlatformAdmin()) {
            return service.list(page, null);
        }
        if (caller.companyId().isEmpty() && caller.personAccountId().isPresent()) {
            // What a person's application (the console) asks first: where may I act? Then it asks token-service
            // for a token naming one of these companies.
            return service.listOfPerson(page, caller.personAccountId().get());
        }
        return caller.companyId()
                .map(id -> service.list(page, id))
                .orElseGet(() -> Uni.createFrom().item(new Page<>(List.of(), null)));
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/{companyId}")
    @Operation(summary = "Get a company")
    public Uni<CompanyResponse> get(@PathParam("companyId") UUID companyId) {
        return access.toSeeCompany(companyId).chain(() -> service.get(companyId)).map(CompanyResponse::of);
    }
}
