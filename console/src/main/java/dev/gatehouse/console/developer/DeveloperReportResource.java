package dev.gatehouse.console.developer;

import dev.gatehouse.console.api.Api;
import dev.gatehouse.console.api.ApiProblem;
import dev.gatehouse.console.api.Service;
import dev.gatehouse.console.session.Context;
import dev.gatehouse.console.web.Frame;
import dev.gatehouse.console.web.Frames;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An app's reports for its developers (Procore's developer portal): installs and uninstalls per day with each
 * company that installed it (only what a company shares with the developer, docs/security.md), and the API activity
 * report (day, status, method, route, count) with paging and a CSV download. audit-metrics-service decides the
 * period's bounds and who may read them.
 */
@Path("/developer-orgs/{developerOrgId}/apps/{appId}/reports")
@Produces(MediaType.TEXT_HTML)
public class DeveloperReportResource {

    private final Api api;
    private final Frames frames;
    private final Template reports;

    public DeveloperReportResource(Api api, Frames frames, @Location("developer-reports.html") Template reports) {
        this.api = api;
        this.frames = frames;
        this.reports = reports;
    }

    @GET
    public Response reports(@PathParam("developerOrgId") UUID orgId, @PathParam("appId") UUID appId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor) {
        Context here = Context.developerOrg(orgId);
        Map<String, Object> app = api.get(Service.APPS, here, "/apps/" + appId);
        Map<String, Object> org = api.get(Service.APPS, here, "/developer-orgs/" + orgId);
        Frame frame = frames.of("Reports of " + app.get("name"), new Frame.Place("developer-org", orgId.toString(),
                String.valueOf(org.get("name")), "apps"));
        Map<String, String> period = period(from, to);
        TemplateInstance page = reports.data("frame", frame).data("app", app).data("period", period);
        try {
            Map<String, Object> installs = api.get(Service.AUDIT, here, base(orgId, appId) + "/installs"
                    + query(period, null));
            Map<String, Object> activity = api.get(Service.AUDIT, here, base(orgId, appId) + "/activity"
                    + query(period, cursor, "limit=100"));
            Object nextCursor = activity.get("nextCursor");
            String self = base(orgId, appId) + "/reports";
            return Response.ok(page.data("installs", installs).data("chart", InstallsView.of(installs))
                    .data("activity", activity).data("problem", null)
                    .data("first", cursor == null || cursor.isBlank() ? null : self + query(period, null))
                    .data("next", nextCursor == null ? null : self + query(period, nextCursor.toString()))
                    .data("csv", self + "/activity.csv" + query(period, null))).build();
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            return Response.status(400).entity(page.data("problem", problem)).build();
        }
    }

    /** The whole activity report of the period as CSV, as audit-metrics-service writes it, downloaded as a file. */
    @GET
    @Path("/activity.csv")
    @Produces("text/csv")
    public Response activityCsv(@PathParam("developerOrgId") UUID orgId, @PathParam("appId") UUID appId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        String csv = api.csvPages(Service.AUDIT, Context.developerOrg(orgId), base(orgId, appId) + "/activity"
                + query(period(from, to), null, "limit=200"));
        return Response.ok(csv, "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"activity-" + appId + ".csv\"").build();
    }

    /** The period as typed (ISO dates); empty means audit-metrics-service's default, the last 30 days. */
    private static Map<String, String> period(String from, String to) {
        Map<String, String> period = new LinkedHashMap<>();
        period.put("from", from == null ? "" : from.strip());
        period.put("to", to == null ? "" : to.strip());
        return period;
    }

    /** The query for audit-metrics-service: the period's dates that were given, and the extra parameters. */
    private static String query(Map<String, String> period, String cursor, String... extra) {
        List<String> parts = new ArrayList<>();
        period.forEach((name, value) -> {
            if (!value.isEmpty()) {
                parts.add(name + "=" + encode(value));
            }
        });
        if (cursor != null && !cursor.isBlank()) {
            parts.add("cursor=" + encode(cursor));
        }
        parts.addAll(List.of(extra));
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String base(UUID orgId, UUID appId) {
        return "/developer-orgs/" + orgId + "/apps/" + appId;
    }
}
