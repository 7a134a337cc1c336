package dev.gatehouse.audit.usage;

import dev.gatehouse.web.problem.Problem;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
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
@Tag(name = "Usage")
@Produces(MediaType.APPLICATION_JSON)
public class InstallationUsageResource {

    /** A year and a day: a year of daily data, as the reports promise, and no more in one answer. */
    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;
    private static final String QUERY = """
            select day, project_id, (status / 100) as class, sum(calls) as requests from api_usage_daily
            where company_id = :company and installation_id = :installation and day between :from and :to
            group by day, project_id, class order by day, project_id nulls first, class
            """;

    private final Caller caller;
    private final Clock clock;

    public InstallationUsageResource(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "audit.read")
    @Operation(summary = "An installed app's API requests per day, by project and status class (from and to are "
            + "inclusive ISO dates; the last 30 days when absent; at most 366 days)")
    public Uni<InstallationUsage> usage(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate toDay = day(to, "to", errors);
        LocalDate fromDay = day(from, "from", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        LocalDate end = toDay != null ? toDay : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = fromDay != null ? fromDay : end.minusDays(DEFAULT_DAYS - 1);
        if (start.isAfter(end)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw ProblemException.invalid("from", "the period may be at most " + MAX_DAYS + " days");
        }
        caller.requireCompanyAdmin(companyId);
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(QUERY, Object[].class)
                .setParameter("company", companyId).setParameter("installation", installationId)
                .setParameter("from", start).setParameter("to", end).getResultList())).map(rows -> {
                    List<InstallationUsage.Row> days = new ArrayList<>();
                    long total = 0;
                    for (Object[] r : rows) {
                        long requests = ((Number) r[3]).longValue();
                        total += requests;
                        days.add(new InstallationUsage.Row(toLocalDate(r[0]), (UUID) r[1],
                                ((Number) r[2]).intValue() + "xx", requests));
                    }
                    return new InstallationUsage(companyId, installationId, start, end, total, days);
                });
    }

    private static LocalDate day(String raw, String field, List<Problem.FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be an ISO-8601 date such as 2026-11-30"));
            return null;
        }
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
