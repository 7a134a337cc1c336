package dev.gatehouse.directory.project;

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
 * {@code /companies/{companyId}/projects}: members read, company admins change. An app sees only its permitted
 * projects, and changes them with the projects tool (standard to create and rename, admin to archive).
 */
@Path("/companies/{companyId}/projects")
@Authenticated
@Tag(name = "Projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private final ProjectService service;
    private final Caller caller;
    private final CompanyAccess access;

    public ProjectResource(ProjectService service, Caller caller, CompanyAccess access) {
        this.service = service;
        this.caller = caller;
        this.access = access;
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "projects.write")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a project (company admin)")
    @APIResponseSchema(value = ProjectResponse.class, responseCode = "201",
            responseDescription = "Created; Location names it")
    @APIResponse(responseCode = "409", description = "A project by that name already exists in the company")
    public Uni<Response> create(@PathParam("companyId") UUID companyId,
            @Valid @NotNull(message = "a JSON body is required") ProjectRequest request, UriInfo uri) {
        return access.toChange(companyId, Tool.PROJECTS, AccessLevel.STANDARD)
                .chain(() -> service.create(companyId, request.name(), caller.actor()))
                .map(p -> Response.created(uri.getAbsolutePathBuilder().path(p.id.toString()).build())
                        .entity(ProjectResponse.of(p)).build());
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Operation(summary = "List a company's projects, oldest first; status=active|archived filters")
    public Uni<Page<ProjectResponse>> list(@PathParam("companyId") UUID companyId,
            @QueryParam("status") String status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        ProjectStatus statusFilter = parseStatus(status);
        PageRequest page = PageRequest.of(limit, cursor);
        return access.toSeeCompany(companyId).chain(v -> service.list(companyId, statusFilter, v, page));
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER)
    @Path("/{projectId}")
    @Operation(summary = "Get a project")
    public Uni<ProjectResponse> get(@PathParam("companyId") UUID companyId,
            @PathParam("projectId") UUID projectId) {
        return access.toSeeCompany(companyId).invoke(v -> v.require(projectId))
                .chain(() -> service.get(companyId, projectId)).map(ProjectResponse::of);
    }

    @PATCH
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "projects.write")
    @Path("/{projectId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a project (company admin)")
    @APIResponse(responseCode = "409", description = "The project is archived, or another project has that name")
    @APIResponseSchema(value = ProjectResponse.class, responseDescription = "The project")
    public Uni<ProjectResponse> rename(@PathParam("companyId") UUID companyId,
            @PathParam("projectId") UUID projectId,
            @Valid @NotNull(message = "a JSON body is required") ProjectRequest request) {
        return access.toChange(companyId, Tool.PROJECTS, AccessLevel.STANDARD).invoke(v -> v.require(projectId))
                .chain(() -> service.rename(companyId, projectId, request.name(), caller.actor()))
                .map(ProjectResponse::of);
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "projects.admin")
    @Path("/{projectId}/archive")
    @Operation(summary = "Archive a project (company admin); archiving twice is harmless")
    public Uni<ProjectResponse> archive(@PathParam("companyId") UUID companyId,
            @PathParam("projectId") UUID projectId) {
        return access.toChange(companyId, Tool.PROJECTS, AccessLevel.ADMIN).invoke(v -> v.require(projectId))
                .chain(() -> service.archive(companyId, projectId, caller.actor())).map(ProjectResponse::of);
    }

    private static ProjectStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ProjectStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be active or archived");
        }
    }
}
