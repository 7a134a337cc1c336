package dev.gatehouse.apps.installrequest;

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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** {@code /companies/{companyId}/install-requests}: members ask for apps, admins decide. */
@Path("/companies/{companyId}/install-requests")
@Authenticated
@Tag(name = "Install requests")
@Produces(MediaType.APPLICATION_JSON)
public class InstallRequestResource {

    private final InstallRequestService service;
    private final Caller caller;

    public InstallRequestResource(InstallRequestService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.write")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for an app to be installed (members)")
    @APIResponseSchema(value = InstallRequestResponse.class, responseCode = "201",
            responseDescription = "Requested; Location names it")
    @APIResponse(responseCode = "409",
            description = "The app has no published version, is already requested or installed, or may not be "
            + "requested here")
    public Uni<Response> create(@PathParam("companyId") UUID companyId,
            @Valid @NotNull(message = "a JSON body is required") InstallRequestBody body, UriInfo uri) {
        caller.requireCompanyMember(companyId);
        return service.create(companyId, body, caller.actor())
                .map(r -> Response.created(uri.getAbsolutePathBuilder().path(r.id.toString()).build())
                        .entity(InstallRequestResponse.of(r)).build());
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.read")
    @Operation(summary = "The company's install requests, oldest first (members)")
    public Uni<Page<InstallRequestResponse>> list(@PathParam("companyId") UUID companyId,
            @QueryParam("status") InstallRequestStatus status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        caller.requireCompanyMember(companyId);
        return service.list(companyId, status, PageRequest.of(limit, cursor))
                .map(page -> page.map(InstallRequestResponse::of));
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.read")
    @Path("/{requestId}")
    @Operation(summary = "One install request (members)")
    public Uni<InstallRequestResponse> get(@PathParam("companyId") UUID companyId,
            @PathParam("requestId") UUID requestId) {
        caller.requireCompanyMember(companyId);
        return service.get(companyId, requestId).map(InstallRequestResponse::of);
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Path("/{requestId}/approve")
    @Operation(summary = "Approve: installs the app as asked, as the approving admin (admin); "
            + "acknowledgeHighRisk=true is needed for a high-risk app")
    @APIResponse(responseCode = "409",
            description = "The request is no longer pending, or the install it asks for is refused (as for a direct "
            + "install)")
    @APIResponseSchema(value = InstallRequestResponse.class, responseDescription = "The install request")
    public Uni<InstallRequestResponse> approve(@PathParam("companyId") UUID companyId,
            @PathParam("requestId") UUID requestId, @QueryParam("acknowledgeHighRisk") boolean acknowledgeHighRisk) {
        caller.requireCompanyAdmin(companyId);
        return service.approve(companyId, requestId, acknowledgeHighRisk, caller.actor())
                .map(InstallRequestResponse::of);
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Path("/{requestId}/deny")
    @Operation(summary = "Deny, with an optional note (admin)")
    @APIResponse(responseCode = "409", description = "The request is no longer pending")
    @APIResponseSchema(value = InstallRequestResponse.class, responseDescription = "The install request")
    public Uni<InstallRequestResponse> deny(@PathParam("companyId") UUID companyId,
            @PathParam("requestId") UUID requestId, @RequestBody(required = false) @Valid DenyBody body) {
        caller.requireCompanyAdmin(companyId);
        return service.deny(companyId, requestId, body, caller.actor()).map(InstallRequestResponse::of);
    }
}
