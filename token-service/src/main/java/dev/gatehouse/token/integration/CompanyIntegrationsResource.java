package dev.gatehouse.token.integration;

import dev.gatehouse.token.authorize.Consents;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * A company's approved integrations, for its admins (Canvas's "User Access Tokens" view of who authorized what):
 * every person's approvals of apps in the company, and revoking any of them, which ends the app's tokens for that
 * person there at once.
 */
@Path("/companies/{companyId}/integrations")
@Authenticated
@Tag(name = "Approved integrations")
@Produces(MediaType.APPLICATION_JSON)
public class CompanyIntegrationsResource {

    private final Caller caller;
    private final Consents consents;
    private final IntegrationViews views;
    private final IntegrationRevocation revocation;

    public CompanyIntegrationsResource(Caller caller, Consents consents, IntegrationViews views,
            IntegrationRevocation revocation) {
        this.caller = caller;
        this.consents = consents;
        this.views = views;
        this.revocation = revocation;
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.read")
    @Operation(summary = "Every person's approved integrations in the company (company admins)")
    @APIResponseSchema(value = IntegrationView[].class, responseDescription = "Newest approval first")
    public Uni<List<IntegrationView>> list(@PathParam("companyId") UUID companyId) {
        caller.requireCompanyAdmin(companyId);
        return consents.ofCompany(companyId).chain(list -> views.of(list, true));
    }

    @DELETE
    @Path("/{accountId}/{clientId}")
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Operation(summary = "Revoke a person's authorization of an app in the company (company admins)")
    @APIResponse(responseCode = "204", description = "Revoked: the app's tokens for the person there stop at once; "
            + "also when there was nothing to revoke (idempotent)")
    public Uni<Response> revoke(@PathParam("companyId") UUID companyId, @PathParam("accountId") UUID accountId,
            @PathParam("clientId") String clientId) {
        caller.requireCompanyAdmin(companyId);
        return revocation.revoke(accountId, clientId, companyId, caller.actor())
                .map(revoked -> Response.noContent().build());
    }
}
