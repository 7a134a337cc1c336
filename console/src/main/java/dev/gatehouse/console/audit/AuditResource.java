package dev.gatehouse.console.audit;

import dev.gatehouse.console.api.Api;
import dev.gatehouse.console.api.ApiProblem;
import dev.gatehouse.console.api.Service;
import dev.gatehouse.console.company.CompanyFrames;
import dev.gatehouse.console.session.Context;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A company's audit trail with its filters (type, app, actor, days) and paging, and its access-token inventory with
 * a CSV download (Canvas's "User Access Tokens" report). audit-metrics-service decides who may read them.
 */
@Path("/companies/{companyId}")
@Produces(MediaType.TEXT_HTML)
public class AuditResource {

    private final Api api;
    private final CompanyFrames frames;
    private final Template trail;
    private final Template inventory;

    public AuditResource(Api api, CompanyFrames frames, @Location("audit.html") Template trail,
            @Location("access-tokens.html") Template inventory) {
        this.api = api;
        this.frames = frames;
        this.trail = trail;
        this.inventory = inventory;
    }

    @GET
    @Path("/audit")
    public Response trail(@PathParam("companyId") UUID companyId, @QueryParam("type") String type,
            @QueryParam("appId") String appId, @QueryParam("actorId") String actorId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("type", blankToEmpty(type));
        filters.put("appId", blankToEmpty(appId));
        filters.put("actorId", blankToEmpty(actorId));
        filters.put("from", blankToEmpty(from));
        filters.put("to", blankToEmpty(to));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("companyId", companyId.toString());
        query.put("type", filters.get("type"));
        query.put("appId", filters.get("appId"));
        query.put("actorId", filters.get("actorId"));
        ApiProblem refused = null;
        try {
            // The filter's days are whole UTC days: from the start of "from" to the end of "to".
            query.put("from", day(filters.get("from"), 0));
            query.put("to", day(filters.get("to"), 1));
        } catch (DateTimeParseException e) {
            refused = new ApiProblem(400, "validation", "The trail was not filtered", "",
                    List.of(new ApiProblem.FieldError("from", "must be a date, 2026-12-01")));
        }
        query.put("limit", "50");
        query.put("cursor", blankToEmpty(cursor));
        Map<String, Object> page = Map.of("items", List.of());
        if (refused == null) {
            try {
                page = api.get(Service.AUDIT, Context.company(companyId), "/audit/events?" + encode(query));
            } catch (ApiProblem problem) {
                if (problem.status() != 400) {
                    throw problem;
                }
                refused = problem;
            }
        }
        Object next = page.get("nextCursor");
        filters.put("cursor", "");
        TemplateInstance shown = trail.data("frame", frames.of(companyId, "Audit trail", "audit"))
                .data("entries", page.get("items")).data("filters", filters).data("problem", refused)
                .data("next", next == null ? null : "?" + encode(withCursor(filters, next.toString())));
        return Response.status(refused == null ? 200 : 400).entity(shown).build();
    }

    @GET
    @Path("/access-tokens")
    public TemplateInstance inventory(@PathParam("companyId") UUID companyId) {
        return inventory.data("frame", frames.of(companyId, "Access tokens", "access-tokens"))
                .data("credentials", api.list(Service.AUDIT, Context.company(companyId), "/companies/" + companyId
                        + "/access-tokens?limit=200"));
    }

    /** The whole inventory as CSV, as audit-metrics-service writes it (every page), downloaded as a file. */
    @GET
    @Path("/access-tokens.csv")
    @Produces("text/csv")
    public Response inventoryCsv(@PathParam("companyId") UUID companyId) {
        String csv = api.csvPages(Service.AUDIT, Context.company(companyId), "/companies/" + companyId
                + "/access-tokens?limit=200");
        return Response.ok(csv, "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"access-tokens-" + companyId + ".csv\"").build();
    }

    private static Map<String, String> withCursor(Map<String, String> filters, String cursor) {
        Map<String, String> next = new LinkedHashMap<>(filters);
        next.put("cursor", cursor);
        return next;
    }

    private static String day(String value, int plusDays) {
        return value.isEmpty() ? "" : LocalDate.parse(value).plusDays(plusDays).atStartOfDay()
                .toInstant(ZoneOffset.UTC).toString();
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
