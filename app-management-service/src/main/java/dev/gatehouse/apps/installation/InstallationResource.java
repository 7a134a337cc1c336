package dev.gatehouse.apps.installation;

import dev.gatehouse.apps.binding.InstallPolicy;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** {@code /companies/{companyId}/installations}: the apps installed in a company, run by its admins. */
@Path("/companies/{companyId}/installations")
@Authenticated
@Tag(name = "Installations")
@Produces(MediaType.APPLICATION_JSON)
public class InstallationResource {

    private final InstallationService service;
    private final Caller caller;

    public InstallationResource(InstallationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Install a published app version with its permitted projects (admin); 201 when new, 200 "
            + "when an uninstalled installation is installed again")
    @APIResponseSchema(value = InstallationResponse.class, responseCode = "201",
            responseDescription = "Installed; Location names it")
    @APIResponse(responseCode = "200", description = "An uninstalled installation installed again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InstallationResponse.class)))
    @APIResponse(responseCode = "409",
            description = "Already installed; the app is off in the company or needs an install request (type "
            + "app-not-enabled, install-request-required); or it asks for high-risk permissions the company "
            + "forbids (high-risk-forbidden)")
    public Uni<Response> install(@PathParam("companyId") UUID companyId,
            @Valid @NotNull(message = "a JSON body is required") InstallCommand command, UriInfo uri) {
        caller.requireCompanyAdmin(companyId);
        return service.install(companyId, command, InstallPolicy.Route.DIRECT, caller.actor())
                .map(found -> (found.created() ? Response.created(uri.getAbsolutePathBuilder()
                        .path(found.installation().id.toString()).build()) : Response.ok())
                        .entity(InstallationResponse.of(found)).build());
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.read")
    @Operation(summary = "List the company's installations, oldest first (members)")
    public Uni<Page<InstallationResponse>> list(@PathParam("companyId") UUID companyId,
            @QueryParam("status") InstallationStatus status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        caller.requireCompanyMember(companyId);
        return service.list(companyId, status, PageRequest.of(limit, cursor))
                .map(page -> page.map(InstallationResponse::of));
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.read")
    @Path("/{installationId}")
    @Operation(summary = "An installation: version, status, permissions in force, permitted projects (members)")
    public Uni<InstallationResponse> get(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId) {
        caller.requireCompanyMember(companyId);
        return service.get(companyId, installationId).map(InstallationResponse::of);
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Path("/{installationId}/disable")
    @Operation(summary = "Disable: the app gets no tokens for the company and its app user is inactive (admin)")
    @APIResponse(responseCode = "409", description = "The installation is uninstalled")
    @APIResponseSchema(value = InstallationResponse.class, responseDescription = "The installation")
    public Uni<InstallationResponse> disable(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId, @RequestBody(required = false) @Valid ReasonBody body) {
        caller.requireCompanyAdmin(companyId);
        return service.disable(companyId, installationId, body == null ? null : body.reason(), caller.actor())
                .map(InstallationResponse::of);
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Path("/{installationId}/enable")
    @Operation(summary = "Enable a disabled installation again (admin)")
    @APIResponse(responseCode = "409", description = "The installation is uninstalled")
    @APIResponseSchema(value = InstallationResponse.class, responseDescription = "The installation")
    public Uni<InstallationResponse> enable(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId) {
        caller.requireCompanyAdmin(companyId);
        return service.enable(companyId, installationId, caller.actor()).map(InstallationResponse::of);
    }

    @DELETE
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Path("/{installationId}")
    @Operation(summary = "Uninstall: the app user is deactivated (not deleted), the app's tokens for the company "
            + "are refused; history and permitted projects stay for a reinstall (admin)")
    public Uni<InstallationResponse> uninstall(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId) {
        caller.requireCompanyAdmin(companyId);
        return service.uninstall(companyId, installationId, caller.actor()).map(InstallationResponse::of);
    }
}
