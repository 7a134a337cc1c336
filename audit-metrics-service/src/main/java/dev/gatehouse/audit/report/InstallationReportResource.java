package dev.gatehouse.audit.report;

import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.UUID;

/**
 * {@code /companies/{companyId}/installations/{installationId}/report}: one installed app, for the company's admins.
 */
@Path("/companies/{companyId}/installations/{installationId}/report")
@Authenticated
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class InstallationReportResource {

    private final InstallationReports reports;
    private final Caller caller;
    private final Clock clock;

    public InstallationReportResource(InstallationReports reports, Caller caller, Clock clock) {
        this.reports = reports;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "audit.read")
    @Operation(summary = "An installed app: permitted projects, who installed and changed it, the people it acted "
            + "for, last use and tokens per day over the period (from, to: inclusive ISO dates; default the last "
            + "30 days; at most 366)")
    public Uni<InstallationReport> report(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Period period = Period.of(from, to, clock);
        caller.requireCompanyAdmin(companyId);
        return reports.report(companyId, installationId, period).onItem().ifNull().failWith(() ->
                ProblemException.notFound("Installation", installationId));
    }
}
