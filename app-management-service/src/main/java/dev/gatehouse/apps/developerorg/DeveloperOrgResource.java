package dev.gatehouse.apps.developerorg;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** {@code /developer-orgs}: platform admins create them; their developers read their own. */
@Path("/developer-orgs")
@Authenticated
@Tag(name = "Developer organizations")
@Produces(MediaType.APPLICATION_JSON)
public class DeveloperOrgResource {

    private final DeveloperOrgService service;
    private final Caller caller;

    public DeveloperOrgResource(DeveloperOrgService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.PLATFORM)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a developer organization (platform admin)")
    @APIResponseSchema(value = DeveloperOrgResponse.class, responseCode = "201",
            responseDescription = "Created; Location names it")
    @APIResponse(responseCode = "409", description = "A developer organization by that name already exists")
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") DeveloperOrgRequest request,
            UriInfo uri) {
        caller.requirePlatformAdmin();
        return service.create(request.name(), caller.actor())
                .map(o -> Response.created(uri.getAbsolutePathBuilder().path(o.id.toString()).build())
                        .entity(DeveloperOrgResponse.of(o)).build());
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.read")
    @Operation(summary = "List developer organizations: all for a platform admin; for a person's token that names "
            + "no organization, the ones they are an active member of; a developer's own otherwise")
    public Uni<Page<DeveloperOrgResponse>> list(@QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        if (caller.isPlatformAdmin()) {
            return service.list(page, null);
        }
        if (caller.developerOrgId().isEmpty() && caller.companyId().isEmpty()
                && caller.personAccountId().isPresent()) {
            // The console asks where the person develops, then asks token-service for a token naming one.
            return service.listOfMember(page, caller.personAccountId().get());
        }
        return caller.developerOrgId()
                .map(id -> service.list(page, id))
                .orElseGet(() -> Uni.createFrom().item(new Page<>(List.of(), null)));
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.read")
    @Path("/{developerOrgId}")
    @Operation(summary = "Get a developer organization (its developers)")
    public Uni<DeveloperOrgResponse> get(@PathParam("developerOrgId") UUID id) {
        caller.requireDeveloperOf(id);
        return service.get(id).map(DeveloperOrgResponse::of);
    }
}
