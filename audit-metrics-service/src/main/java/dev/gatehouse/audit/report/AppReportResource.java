package dev.gatehouse.audit.report;

import dev.gatehouse.audit.csv.CsvPageWriter;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
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
 * {@code /developer-orgs/{developerOrgId}/apps/{appId}/…}: a developer's reports on their own app (its developer
 * organization's developers, or a platform admin).
 */
@Path("/developer-orgs/{developerOrgId}/apps/{appId}")
@Authenticated
@Tag(name = "Reports")
public class AppReportResource {

    private final AppReports reports;
    private final Caller caller;
    private final Clock clock;

    public AppReportResource(AppReports reports, Caller caller, Clock clock) {
        this.reports = reports;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("activity")
    @Produces({MediaType.APPLICATION_JSON, CsvPageWriter.TEXT_CSV})
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "audit.read")
    @Operation(summary = "The app's API activity across every company that installed it: one row per day, status "
            + "code, method and route template, oldest first (from, to: inclusive ISO dates; default the last 30 "
            + "days; at most 366)")
    public Uni<Page<AppActivity>> activity(@PathParam("developerOrgId") UUID developerOrgId,
            @PathParam("appId") UUID appId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Period period = Period.of(from, to, clock);
        PageRequest page = PageRequest.of(limit, cursor);
        caller.requireDeveloperOf(developerOrgId);
        return reports.activity(developerOrgId, appId, period, page);
    }

    @GET
    @Path("installs")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "audit.read")
    @Operation(summary = "The app's installs and uninstalls per day over the period, and each company that "
            + "installed it: status, dates, the app's requests there and last use")
    public Uni<AppInstalls> installs(@PathParam("developerOrgId") UUID developerOrgId,
            @PathParam("appId") UUID appId, @QueryParam("from") String from, @QueryParam("to") String to) {
        Period period = Period.of(from, to, clock);
        caller.requireDeveloperOf(developerOrgId);
        return reports.installs(developerOrgId, appId, period);
    }
}
