package dev.gatehouse.apps.orgmember;

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
import jakarta.ws.rs.DELETE;
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

import java.util.UUID;

/**
 * {@code /developer-orgs/{developerOrgId}/members}: who develops the organization's apps. Its developers read the
 * list; its owners (and platform admins) invite, change roles and remove. An organization always keeps an owner.
 */
@Path("/developer-orgs/{developerOrgId}/members")
@Authenticated
@Tag(name = "Developer organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrgMemberResource {

    private final OrgMemberService service;
    private final Caller caller;

    public OrgMemberResource(OrgMemberService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a person to the organization (owner): token-service e-mails them a one-time link; "
            + "role owner or developer (default)")
    @APIResponseSchema(value = MemberResponse.class, responseCode = "201",
            responseDescription = "Invited; Location names the member")
    @APIResponse(responseCode = "409", description = "A member with that e-mail already belongs to the organization")
    public Uni<Response> invite(@PathParam("developerOrgId") UUID orgId,
            @Valid @NotNull(message = "a JSON body is required") MemberRequest request, UriInfo uri) {
        caller.requireOwnerOf(orgId);
        return service.invite(orgId, request, caller.actor())
                .map(m -> Response.created(uri.getAbsolutePathBuilder().path(m.id.toString()).build())
                        .entity(MemberResponse.of(m)).build());
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.read")
    @Operation(summary = "List the organization's members, oldest first (its developers); removed ones with "
            + "status=removed|all")
    public Uni<Page<MemberResponse>> list(@PathParam("developerOrgId") UUID orgId,
            @QueryParam("status") String status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        if (status != null && !status.equals("all") && !status.equals("current")) {
            throw ProblemException.invalid("status", "must be current or all");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        caller.requireDeveloperOf(orgId);
        return service.list(orgId, "all".equals(status), page);
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.read")
    @Path("/{memberId}")
    @Operation(summary = "Get a member (the organization's developers)")
    public Uni<MemberResponse> get(@PathParam("developerOrgId") UUID orgId, @PathParam("memberId") UUID memberId) {
        caller.requireDeveloperOf(orgId);
        return service.get(orgId, memberId).map(MemberResponse::of);
    }

    @PATCH
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.admin")
    @Path("/{memberId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a member's role (owner)")
    @APIResponseSchema(value = MemberResponse.class, responseDescription = "The member")
    @APIResponse(responseCode = "409", description = "The last owner cannot stop being one, or the member was removed")
    public Uni<MemberResponse> changeRole(@PathParam("developerOrgId") UUID orgId,
            @PathParam("memberId") UUID memberId,
            @Valid @NotNull(message = "a JSON body is required") RoleRequest request) {
        caller.requireOwnerOf(orgId);
        return service.changeRole(orgId, memberId, request.role(), caller.actor()).map(MemberResponse::of);
    }

    @DELETE
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.admin")
    @Path("/{memberId}")
    @Operation(summary = "Remove a member (owner): their rights in the organization end on every service at once")
    @APIResponse(responseCode = "204", description = "Removed (also when already removed)")
    @APIResponse(responseCode = "409", description = "The last owner cannot be removed")
    public Uni<Response> remove(@PathParam("developerOrgId") UUID orgId, @PathParam("memberId") UUID memberId) {
        caller.requireOwnerOf(orgId);
        return service.remove(orgId, memberId, caller.actor()).map(m -> Response.noContent().build());
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.admin")
    @Path("/{memberId}/invitation")
    @Operation(summary = "Invite a member again (owner): a new link, the older ones stop working")
    @APIResponseSchema(value = MemberResponse.class, responseDescription = "The member, with the new invitedAt")
    @APIResponse(responseCode = "409", description = "The member signed up already or was removed")
    public Uni<MemberResponse> inviteAgain(@PathParam("developerOrgId") UUID orgId,
            @PathParam("memberId") UUID memberId) {
        caller.requireOwnerOf(orgId);
        return service.inviteAgain(orgId, memberId, caller.actor()).map(MemberResponse::of);
    }
}
