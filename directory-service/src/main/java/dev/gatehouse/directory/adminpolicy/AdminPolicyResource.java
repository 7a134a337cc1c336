package dev.gatehouse.directory.adminpolicy;

import dev.gatehouse.directory.company.CompanyService;
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
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * {@code /companies/{companyId}/admin-policy}: whether the company's admins must sign in with a second factor to act
 * as admins (people only; apps and service accounts are judged by their own permissions). Members read it; admins
 * change it.
 */
@Path("/companies/{companyId}/admin-policy")
@Authenticated
@Tag(name = "Companies")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPolicyResource {

    private final AdminPolicyService service;
    private final CompanyService companies;
    private final Caller caller;

    public AdminPolicyResource(AdminPolicyService service, CompanyService companies, Caller caller) {
        this.service = service;
        this.companies = companies;
        this.caller = caller;
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.read")
    @Operation(summary = "What the company asks of its admins (members)")
    public Uni<AdminPolicy> get(@PathParam("companyId") UUID companyId) {
        caller.requireCompanyMember(companyId);
        return companies.get(companyId).map(c -> new AdminPolicy(c.requireSecondFactorForAdmins));
    }

    @PUT
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "directory.admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Require (or stop requiring) a second factor of the company's admins (company admin): an "
            + "admin signed in without one then has a member's rights, on every service, from their next call")
    @APIResponseSchema(value = AdminPolicy.class, responseDescription = "The policy now")
    public Uni<AdminPolicy> put(@PathParam("companyId") UUID companyId,
            @NotNull(message = "a JSON body is required") AdminPolicy policy) {
        caller.requireCompanyAdmin(companyId);
        return service.change(companyId, policy, caller.actor())
                .map(c -> new AdminPolicy(c.requireSecondFactorForAdmins));
    }
}
