package dev.gatehouse.apps.app;

import dev.gatehouse.people.PeopleFeed;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/** {@code /apps}: a developer organization's apps, managed by its developers. */
@Path("/apps")
@Authenticated
@Tag(name = "Apps")
@Produces(MediaType.APPLICATION_JSON)
public class AppResource {

    private final AppService service;
    private final Caller caller;
    private final PeopleFeed people;

    public AppResource(AppService service, Caller caller, PeopleFeed people) {
        this.service = service;
        this.caller = caller;
        this.people = people;
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.write")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an app for a developer organization (its developers); creates its OAuth client")
    @APIResponseSchema(value = AppResponse.class, responseCode = "201",
            responseDescription = "Registered; Location names it")
    @APIResponse(responseCode = "409", description = "An app by that name already exists")
    @APIResponse(responseCode = "404", description = "No developer organization by that id")
    @APIResponse(responseCode = "403", description = "Not a developer of the organization, or a company's own app "
            + "for a company the person does not belong to")
    public Uni<Response> register(@Valid @NotNull(message = "a JSON body is required") AppRequest request,
            UriInfo uri) {
        caller.requireDeveloperOf(request.developerOrgId());
        requireBelongsTo(request);
        return service.register(request, caller.actor())
                .map(a -> Response.created(uri.getAbsolutePathBuilder().path(a.id.toString()).build())
                        .entity(AppResponse.of(a)).build());
    }

    /**
     * A company's own app shows in that company's catalogue as its own, turned on and installable without review,
     * so only a person who belongs to the company (admin or member, as the directory says now) may make one for it;
     * a platform admin may for any.
     */
    private void requireBelongsTo(AppRequest request) {
        if (request.kind() != AppKind.company || request.owningCompanyId() == null || caller.isPlatformAdmin()) {
            return;
        }
        boolean belongs = caller.personAccountId()
                .flatMap(account -> people.companyRole(request.owningCompanyId(), account)).isPresent();
        if (!belongs) {
            throw ProblemException.of(403, "not-in-company", "Not a member of that company",
                    "A company's own app can be registered only by a person who belongs to that company.");
        }
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.read")
    @Operation(summary = "List apps: all for a platform admin, a developer's organization's otherwise")
    public Uni<Page<AppResponse>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        if (caller.isPlatformAdmin()) {
            return service.list(null, page);
        }
        return caller.developerOrgId()
                .map(org -> service.list(org, page))
                .orElseGet(() -> Uni.createFrom().item(new Page<>(List.of(), null)));
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.read")
    @Path("/{appId}")
    @Operation(summary = "Get an app (its developers)")
    public Uni<AppResponse> get(@PathParam("appId") UUID appId) {
        return service.get(appId).invoke(a -> caller.requireDeveloperOf(a.developerOrgId)).map(AppResponse::of);
    }

    @PATCH
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.write")
    @Path("/{appId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an app's name or description (its developers)")
    @APIResponse(responseCode = "409", description = "Another app has that name")
    @APIResponseSchema(value = AppResponse.class, responseDescription = "The app")
    public Uni<AppResponse> update(@PathParam("appId") UUID appId,
            @Valid @NotNull(message = "a JSON body is required") AppChangeRequest request) {
        return service.get(appId).invoke(a -> caller.requireDeveloperOf(a.developerOrgId))
                .chain(() -> service.update(appId, request, caller.actor())).map(AppResponse::of);
    }
}
