package dev.gatehouse.apps.upgrade;

import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import java.util.List;
import java.util.UUID;

/** {@code …/installations/{installationId}/upgrade-requests}: newer versions waiting for an admin's decision. */
@Path("/companies/{companyId}/installations/{installationId}/upgrade-requests")
@Authenticated
@Tag(name = "Installations")
@Produces(MediaType.APPLICATION_JSON)
public class UpgradeRequestResource {

    private final UpgradeService service;
    private final Caller caller;

    public UpgradeRequestResource(UpgradeService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.read")
    @Operation(summary = "The installation's upgrade requests, oldest first, each with its exact diff (members)")
    public Uni<List<UpgradeRequestResponse>> list(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId) {
        caller.requireCompanyMember(companyId);
        return service.list(companyId, installationId)
                .map(list -> list.stream().map(UpgradeRequestResponse::of).toList());
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.read")
    @Path("/{requestId}")
    @Operation(summary = "One upgrade request (members)")
    public Uni<UpgradeRequestResponse> get(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId, @PathParam("requestId") UUID requestId) {
        caller.requireCompanyMember(companyId);
        return service.get(companyId, installationId, requestId).map(UpgradeRequestResponse::of);
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Path("/{requestId}/approve")
    @Operation(summary = "Approve: the installation moves to the new version and its permissions (admin); "
            + "acknowledgeHighRisk=true is needed when the version adds high-risk permissions")
    @APIResponse(responseCode = "409",
            description = "The request is no longer pending, or the installation is uninstalled")
    @APIResponseSchema(value = UpgradeRequestResponse.class, responseDescription = "The upgrade request")
    public Uni<UpgradeRequestResponse> approve(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId, @PathParam("requestId") UUID requestId,
            @QueryParam("acknowledgeHighRisk") boolean acknowledgeHighRisk) {
        caller.requireCompanyAdmin(companyId);
        return service.approve(companyId, installationId, requestId, acknowledgeHighRisk, caller.actor())
                .map(UpgradeRequestResponse::of);
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Path("/{requestId}/reject")
    @Operation(summary = "Reject: the installation keeps its current version (admin)")
    @APIResponse(responseCode = "409",
            description = "The request is no longer pending, or the installation is uninstalled")
    @APIResponseSchema(value = UpgradeRequestResponse.class, responseDescription = "The upgrade request")
    public Uni<UpgradeRequestResponse> reject(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId, @PathParam("requestId") UUID requestId) {
        caller.requireCompanyAdmin(companyId);
        return service.reject(companyId, installationId, requestId, caller.actor()).map(UpgradeRequestResponse::of);
    }
}
