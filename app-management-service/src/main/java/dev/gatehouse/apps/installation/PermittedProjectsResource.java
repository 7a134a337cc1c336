package dev.gatehouse.apps.installation;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * {@code …/installations/{installationId}/permitted-projects}: the projects an installation's app user is a member
 * of. Answers are the installation's project choice: {@code projectAccess} and {@code projectIds}.
 */
@Path("/companies/{companyId}/installations/{installationId}/permitted-projects")
@Authenticated
@Tag(name = "Installations")
@Produces(MediaType.APPLICATION_JSON)
public class PermittedProjectsResource {

    private final InstallationService installations;
    private final PermittedProjects projects;
    private final Caller caller;

    public PermittedProjectsResource(InstallationService installations, PermittedProjects projects, Caller caller) {
        this.installations = installations;
        this.projects = projects;
        this.caller = caller;
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.read")
    @Operation(summary = "The permitted projects (members)")
    public Uni<ProjectsBody> get(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId) {
        caller.requireCompanyMember(companyId);
        return installations.get(companyId, installationId).map(PermittedProjectsResource::body);
    }

    @PUT
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the choice: selected projects, all current, or all current and future (admin)")
    public Uni<ProjectsBody> replace(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId,
            @Valid @NotNull(message = "a JSON body is required") ProjectsBody body) {
        caller.requireCompanyAdmin(companyId);
        return projects.replace(companyId, installationId, body.projectAccess(), body.projectIds(), caller.actor())
                .map(PermittedProjectsResource::body);
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Permit more projects (admin)")
    public Uni<ProjectsBody> add(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId,
            @Valid @NotNull(message = "a JSON body is required") ProjectsBody body) {
        caller.requireCompanyAdmin(companyId);
        if (body.projectIds() == null || body.projectIds().isEmpty()) {
            throw ProblemException.invalid("projectIds", "must list at least one project");
        }
        return projects.add(companyId, installationId, body.projectIds(), caller.actor())
                .map(PermittedProjectsResource::body);
    }

    @DELETE
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Path("/{projectId}")
    @Operation(summary = "Take one project away: the app user leaves it and new tokens no longer list it (admin)")
    public Uni<ProjectsBody> remove(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId, @PathParam("projectId") UUID projectId) {
        caller.requireCompanyAdmin(companyId);
        return projects.remove(companyId, installationId, projectId, caller.actor())
                .map(PermittedProjectsResource::body);
    }

    private static ProjectsBody body(InstallationService.Installed found) {
        return new ProjectsBody(found.installation().projectAccess, List.copyOf(found.installation().projectIds));
    }
}
