package dev.gatehouse.audit.report;

import dev.gatehouse.audit.csv.CsvPageWriter;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code /companies/{companyId}/installations/{installationId}/usage}: an installed app's API requests per day, by
 * project and status class, for the company's admins. Only that company's rows are read, so another company's
 * installation id shows nothing.
 */
@Path("/companies/{companyId}/installations/{installationId}/usage")
@Authenticated
@Tag(name = "Reports")
public class InstallationUsageResource {

    private static final String QUERY = """
            select day, project_id, (status / 100) as class, sum(calls) as requests from api_usage_daily
            where company_id = $1 and installation_id = $2 and day between $3 and $4
            group by day, project_id, class order by day, project_id nulls first, class
            """;

    private final Pool pool;
    private final Caller caller;
    private final Clock clock;

    public InstallationUsageResource(Pool pool, Caller caller, Clock clock) {
        this.pool = pool;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvPageWriter.TEXT_CSV})
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "audit.read")
    @Operation(summary = "An installed app's API requests per day, by project and status class (from and to are "
            + "inclusive ISO dates; the last 30 days when absent; at most 366 days)")
    public Uni<InstallationUsage> usage(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Period period = Period.of(from, to, clock);
        caller.requireCompanyAdmin(companyId);
        return pool.preparedQuery(QUERY).execute(Tuple.of(companyId, installationId, period.from(), period.to()))
                .map(rows -> {
                    List<InstallationUsage.Row> days = new ArrayList<>();
                    long total = 0;
                    for (Row r : rows) {
                        long requests = r.getLong("requests");
                        total += requests;
                        days.add(new InstallationUsage.Row(r.getLocalDate("day"), r.getUUID("project_id"),
                                r.getInteger("class") + "xx", requests));
                    }
                    return new InstallationUsage(companyId, installationId, period.from(), period.to(), total,
                            days);
                });
    }
}
