package dev.gatehouse.directory.membership;

import dev.gatehouse.directory.access.CompanyAccess;
import dev.gatehouse.directory.permissionset.PermissionSet;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.Tool;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * {@code /companies/{companyId}/projects/{projectId}/members}: who is on a project, with which project-level
 * permissions. Members read it; admins (and apps with directory admin) change it. App users' memberships follow
 * their installation's permitted projects and are refused here.
 */
@Path("/companies/{companyId}/projects/{projectId}/members")
@Authenticated
@Tag(name = "Project members")
@Produces(MediaType.APPLICATION_JSON)
public class MembershipResource {

    private final MembershipService service;
    private final CompanyAccess access;
    private final Caller caller;

    public MembershipResource(MembershipService service, CompanyAccess access, Caller caller) {
        this.service = service;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.read")
    @Operation(summary = "List a project's members, earliest first")
    public Uni<Page<MemberResponse>> list(@PathParam("companyId") UUID companyId,
            @PathParam("projectId") UUID projectId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return access.toRead(companyId, Tool.DIRECTORY).invoke(v -> v.require(projectId))
                .chain(() -> service.list(companyId, projectId, page));
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.read")
    @Path("/{userId}")
    @Operation(summary = "A user's membership of the project and its permissions")
    public Uni<MemberResponse> get(@PathParam("companyId") UUID companyId, @PathParam("projectId") UUID projectId,
            @PathParam("userId") UUID userId) {
        return access.toReadUser(companyId, userId).invoke(v -> v.require(projectId))
                .chain(() -> service.get(companyId, projectId, userId)).map(MemberResponse::of);
    }

    @PUT
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.admin")
    @Path("/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a person to the project, or replace their project permissions (company admin)")
    @APIResponseSchema(value = MemberResponse.class, responseCode = "201", responseDescription = "Added to the project")
    @APIResponse(responseCode = "200", description = "Already a member: permissions replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "409", description = "The user is inactive or app-managed, or the project is archived")
    public Uni<Response> put(@PathParam("companyId") UUID companyId, @PathParam("projectId") UUID projectId,
            @PathParam("userId") UUID userId, @NotNull(message = "a JSON body is required") MemberRequest request) {
        PermissionSet permissions = PermissionSet.parse(request.permissions(), true);
        return access.toChange(companyId, Tool.DIRECTORY, AccessLevel.ADMIN).invoke(v -> v.require(projectId))
                .chain(() -> service.put(companyId, projectId, userId, permissions, caller.actor()))
                .map(put -> Response.status(put.created() ? 201 : 200).entity(MemberResponse.of(put.member()))
                        .build());
    }

    @DELETE
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.admin")
    @Path("/{userId}")
    @Operation(summary = "Remove a person from the project (company admin)")
    @APIResponse(responseCode = "204", description = "Removed from the project")
    @APIResponse(responseCode = "409",
            description = "The user is managed by an installation or a legacy service account")
    public Uni<Response> remove(@PathParam("companyId") UUID companyId, @PathParam("projectId") UUID projectId,
            @PathParam("userId") UUID userId) {
        return access.toChange(companyId, Tool.DIRECTORY, AccessLevel.ADMIN).invoke(v -> v.require(projectId))
                .chain(() -> service.remove(companyId, projectId, userId, caller.actor()))
                .map(x -> Response.noContent().build());
    }
}
