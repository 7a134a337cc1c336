package dev.gatehouse.audit.trail;

import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Checks a company's hash chain (its admins), or the platform's own (platform admins). */
@Path("/")
@Authenticated
@Tag(name = "Audit trail")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.BEARER, scopes = "audit.read")
public class AuditChainResource {

    private final ChainVerifier verifier;
    private final Caller caller;

    public AuditChainResource(ChainVerifier verifier, Caller caller) {
        this.verifier = verifier;
        this.caller = caller;
    }

    @GET
    @Path("companies/{companyId}/audit/verification")
    @Operation(summary = "Check the company's audit hash chain: every entry unchanged, none missing")
    public Uni<ChainVerification> company(@PathParam("companyId") UUID companyId) {
        caller.requireCompanyAdmin(companyId);
        return verifier.verify(companyId);
    }

    @GET
    @Path("audit/verification")
    @Operation(summary = "Check the hash chain of the events that belong to no company")
    public Uni<ChainVerification> platform() {
        caller.requirePlatformAdmin();
        return verifier.verify(null);
    }
}
