package dev.gatehouse.directory.permission;

import dev.gatehouse.directory.access.CompanyAccess;
import dev.gatehouse.directory.permissionset.PermissionSet;
import dev.gatehouse.directory.user.UserService;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.Tool;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * A user's company-level permissions ({@code .../permissions}) and the permissions that apply, optionally on one
 * project ({@code .../effective-permissions}), which resource servers ask before acting for a user or an app.
 */
@Path("/companies/{companyId}/users/{userId}")
@Authenticated
@Tag(name = "Permissions")
@Produces(MediaType.APPLICATION_JSON)
public class PermissionResource {

    private final UserService users;
    private final PermissionService permissions;
    private final CompanyAccess access;
    private final Caller caller;

    public PermissionResource(UserService users, PermissionService permissions, CompanyAccess access,
            Caller caller) {
        this.users = users;
        this.permissions = permissions;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.read")
    @Path("/permissions")
    @Operation(summary = "A user's company-level tool permissions")
    public Uni<PermissionsResponse> get(@PathParam("companyId") UUID companyId, @PathParam("userId") UUID userId) {
        return access.toReadUser(companyId, userId)
                .chain(() -> users.get(companyId, userId))
                .map(u -> new PermissionsResponse(u.id, u.companyId, u.permissions.shown(false)));
    }

    @PUT
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.admin")
    @Path("/permissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a person's company-level tool permissions (company admin); app users are refused")
    @APIResponse(responseCode = "409",
            description = "The user is managed by an installation or a legacy service account")
    @APIResponseSchema(value = PermissionsResponse.class, responseDescription = "The user's permissions now")
    public Uni<PermissionsResponse> set(@PathParam("companyId") UUID companyId, @PathParam("userId") UUID userId,
            @NotNull(message = "a JSON body is required") PermissionsRequest request) {
        PermissionSet set = PermissionSet.parse(request.permissions(), false);
        return access.toChange(companyId, Tool.DIRECTORY, AccessLevel.ADMIN)
                .chain(() -> users.setPermissions(companyId, userId, set, caller.actor()))
                .map(u -> new PermissionsResponse(u.id, u.companyId, u.permissions.shown(false)));
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.read")
    @Path("/effective-permissions")
    @Operation(summary = "The tool levels that apply to a user, at company level or on projectId")
    public Uni<EffectivePermissions> effective(@PathParam("companyId") UUID companyId,
            @PathParam("userId") UUID userId, @QueryParam("projectId") String projectId) {
        UUID project = projectId == null || projectId.isBlank() ? null : uuid("projectId", projectId);
        // An app (or legacy account) asks only about its permitted projects, as everywhere else in this API.
        return access.toReadUser(companyId, userId)
                .invoke(visibility -> {
                    if (project != null) {
                        visibility.require(project);
                    }
                })
                .chain(() -> permissions.effective(companyId, userId, project));
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }
}
