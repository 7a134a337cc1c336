package dev.gatehouse.directory.user;

import dev.gatehouse.directory.access.CompanyAccess;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.Tool;
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
 * {@code /companies/{companyId}/users}: the company's directory. Members (and apps with directory read_only) read
 * it; admins (and apps with directory standard) add and change people. App users are listed here but changed only
 * through their installation.
 */
@Path("/companies/{companyId}/users")
@Authenticated
@Tag(name = "Users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService service;
    private final CompanyAccess access;
    private final Caller caller;

    public UserResource(UserService service, CompanyAccess access, Caller caller) {
        this.service = service;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.write")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a person to the company's directory (company admin)")
    @APIResponseSchema(value = UserResponse.class, responseCode = "201",
            responseDescription = "Created; Location names it")
    @APIResponse(responseCode = "409", description = "A user with that email already exists in the company")
    public Uni<Response> create(@PathParam("companyId") UUID companyId,
            @Valid @NotNull(message = "a JSON body is required") UserRequest request, UriInfo uri) {
        return access.toChange(companyId, Tool.DIRECTORY, AccessLevel.STANDARD)
                .chain(() -> service.create(companyId, request, caller.actor()))
                .map(u -> Response.created(uri.getAbsolutePathBuilder().path(u.id.toString()).build())
                        .entity(UserResponse.of(u)).build());
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.read")
    @Operation(summary = "List the company's users, oldest first; kind=person|app|legacy and status=active|inactive "
            + "filter")
    public Uni<Page<UserResponse>> list(@PathParam("companyId") UUID companyId, @QueryParam("kind") String kind,
            @QueryParam("status") String status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        UserKind kindFilter = parse(UserKind.class, "kind", kind, "person, app or legacy");
        UserStatus statusFilter = parse(UserStatus.class, "status", status, "active or inactive");
        PageRequest page = PageRequest.of(limit, cursor);
        return access.toRead(companyId, Tool.DIRECTORY)
                .chain(() -> service.list(companyId, kindFilter, statusFilter, page));
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.read")
    @Path("/{userId}")
    @Operation(summary = "Get a user")
    public Uni<UserResponse> get(@PathParam("companyId") UUID companyId, @PathParam("userId") UUID userId) {
        return access.toReadUser(companyId, userId).chain(() -> service.get(companyId, userId)).map(UserResponse::of);
    }

    @PATCH
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.write")
    @Path("/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a person's name or email (company admin); app users are refused")
    @APIResponse(responseCode = "409",
            description = "The user is managed by an installation or a legacy service account, or the email is taken")
    @APIResponseSchema(value = UserResponse.class, responseDescription = "The user")
    public Uni<UserResponse> update(@PathParam("companyId") UUID companyId, @PathParam("userId") UUID userId,
            @Valid @NotNull(message = "a JSON body is required") UserChangeRequest request) {
        return access.toChange(companyId, Tool.DIRECTORY, AccessLevel.STANDARD)
                .chain(() -> service.update(companyId, userId, request, caller.actor()))
                .map(UserResponse::of);
    }

    @DELETE
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.write")
    @Path("/{userId}")
    @Operation(summary = "Deactivate a person (company admin): kept with their history, without permissions; "
            + "app users are refused")
    @APIResponse(responseCode = "204", description = "Deactivated (also when already inactive)")
    @APIResponse(responseCode = "409",
            description = "The user is managed by an installation or a legacy service account")
    public Uni<Response> deactivate(@PathParam("companyId") UUID companyId, @PathParam("userId") UUID userId,
            @QueryParam("reason") String reason) {
        if (reason != null && reason.length() > 500) {
            throw ProblemException.invalid("reason", "must be at most 500 characters");
        }
        return access.toChange(companyId, Tool.DIRECTORY, AccessLevel.STANDARD)
                .chain(() -> service.deactivate(companyId, userId, reason, caller.actor()))
                .map(u -> Response.noContent().build());
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.write")
    @Path("/{userId}/reactivate")
    @Operation(summary = "Reactivate a deactivated person (company admin)")
    @APIResponse(responseCode = "409",
            description = "The user is managed by an installation or a legacy service account")
    @APIResponseSchema(value = UserResponse.class, responseDescription = "The user")
    public Uni<UserResponse> reactivate(@PathParam("companyId") UUID companyId, @PathParam("userId") UUID userId) {
        return access.toChange(companyId, Tool.DIRECTORY, AccessLevel.STANDARD)
                .chain(() -> service.reactivate(companyId, userId, caller.actor()))
                .map(UserResponse::of);
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.write")
    @Path("/{userId}/invitation")
    @Operation(summary = "Invite a person again (company admin): token-service e-mails a new one-time link, and the "
            + "older links stop working")
    @APIResponse(responseCode = "409", description = "The person signed up already, is deactivated, or is managed by "
            + "an installation or a legacy service account")
    @APIResponseSchema(value = UserResponse.class, responseDescription = "The user, with the new invitedAt")
    public Uni<UserResponse> invite(@PathParam("companyId") UUID companyId, @PathParam("userId") UUID userId) {
        return access.toChange(companyId, Tool.DIRECTORY, AccessLevel.STANDARD)
                .chain(() -> service.invite(companyId, userId, caller.actor()))
                .map(UserResponse::of);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value, String allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be " + allowed);
        }
    }
}
