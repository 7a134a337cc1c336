package dev.gatehouse.console.appmanagement;

import dev.gatehouse.console.api.Api;
import dev.gatehouse.console.api.ApiProblem;
import dev.gatehouse.console.api.Service;
import dev.gatehouse.console.company.CompanyFrames;
import dev.gatehouse.console.session.Context;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A company's installed apps: the list, and each installation's permissions and scopes in force and its permitted
 * projects (add, remove), disable and enable, uninstall. app-management-service decides each change.
 */
@Path("/companies/{companyId}/installations")
@Produces(MediaType.TEXT_HTML)
public class InstallationResource {

    private final Api api;
    private final CompanyFrames frames;
    private final Template list;
    private final Template detail;
    private final Template usage;
    private final Template activity;
    private final Template upgrades;

    public InstallationResource(Api api, CompanyFrames frames, @Location("installations.html") Template list,
            @Location("installation.html") Template detail, @Location("installation-usage.html") Template usage,
            @Location("installation-activity.html") Template activity,
            @Location("installation-upgrades.html") Template upgrades) {
        this.api = api;
        this.frames = frames;
        this.list = list;
        this.detail = detail;
        this.usage = usage;
        this.activity = activity;
        this.upgrades = upgrades;
    }

    @GET
    public TemplateInstance list(@PathParam("companyId") UUID companyId) {
        return list.data("frame", frames.of(companyId, "Installed apps", "installations"))
                .data("installations", api.list(Service.APPS, Context.company(companyId), base(companyId)
                        + "?limit=100"));
    }

    @GET
    @Path("/{installationId}")
    public TemplateInstance detail(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId, @QueryParam("done") String done) {
        return detailPage(companyId, installationId, done, null);
    }

    /** The Usage tab: API requests per day by status class (a chart and its table) and per project. */
    @GET
    @Path("/{installationId}/usage")
    public TemplateInstance usage(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId) {
        Context here = Context.company(companyId);
        Map<String, Object> installation = api.get(Service.APPS, here, one(companyId, installationId));
        Map<String, Object> report = api.get(Service.AUDIT, here, one(companyId, installationId) + "/usage");
        List<Map<String, Object>> projects = api.list(Service.DIRECTORY, here, "/companies/" + companyId
                + "/projects?limit=100");
        return usage.data("frame", frames.of(companyId, String.valueOf(installation.get("appName")),
                        "installations"))
                .data("installation", installation).data("report", report)
                .data("usage", UsageView.of(report, projects));
    }

    /** The Activity tab: the installation's entries in the company's audit trail, newest first. */
    @GET
    @Path("/{installationId}/activity")
    public TemplateInstance activity(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId) {
        Context here = Context.company(companyId);
        Map<String, Object> installation = api.get(Service.APPS, here, one(companyId, installationId));
        return activity.data("frame", frames.of(companyId, String.valueOf(installation.get("appName")),
                        "installations"))
                .data("installation", installation)
                .data("entries", api.list(Service.AUDIT, here, "/audit/events?companyId=" + companyId
                        + "&installationId=" + installationId + "&limit=100"));
    }

    /**
     * The Versions and upgrades tab: the version in force, and each upgrade its developers published with exactly
     * what it changes (permissions up or down, scopes added or removed), to approve or reject while pending.
     */
    @GET
    @Path("/{installationId}/upgrades")
    public TemplateInstance upgrades(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId, @QueryParam("done") String done) {
        Context here = Context.company(companyId);
        Map<String, Object> installation = api.get(Service.APPS, here, one(companyId, installationId));
        return upgrades.data("frame", frames.of(companyId, String.valueOf(installation.get("appName")),
                        "installations"))
                .data("installation", installation).data("done", done)
                .data("requests", api.list(Service.APPS, here, one(companyId, installationId)
                        + "/upgrade-requests"));
    }

    @POST
    @Path("/{installationId}/upgrades/{requestId}/approve")
    public Response approveUpgrade(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId, @PathParam("requestId") UUID requestId,
            @RestForm String acknowledgeHighRisk) {
        String query = "yes".equals(acknowledgeHighRisk) ? "?acknowledgeHighRisk=true" : "";
        api.post(Service.APPS, Context.company(companyId), one(companyId, installationId) + "/upgrade-requests/"
                + requestId + "/approve" + query, Map.of());
        return Response.seeOther(URI.create(one(companyId, installationId) + "/upgrades?done=approved")).build();
    }

    @POST
    @Path("/{installationId}/upgrades/{requestId}/reject")
    public Response rejectUpgrade(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId, @PathParam("requestId") UUID requestId) {
        api.post(Service.APPS, Context.company(companyId), one(companyId, installationId) + "/upgrade-requests/"
                + requestId + "/reject", Map.of());
        return Response.seeOther(URI.create(one(companyId, installationId) + "/upgrades?done=rejected")).build();
    }

    @POST
    @Path("/{installationId}/projects")
    public Response addProjects(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId, @RestForm List<String> projectIds) {
        try {
            api.post(Service.APPS, Context.company(companyId), one(companyId, installationId)
                    + "/permitted-projects", Map.of("projectIds", projectIds == null ? List.of() : projectIds));
        } catch (ApiProblem problem) {
            if (problem.status() == 400 || problem.status() == 409) {
                return Response.status(problem.status()).entity(detailPage(companyId, installationId, null, problem))
                        .build();
            }
            throw problem;
        }
        return back(companyId, installationId, "projects-added");
    }

    @POST
    @Path("/{installationId}/projects/{projectId}/remove")
    public Response removeProject(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId, @PathParam("projectId") UUID projectId) {
        api.delete(Service.APPS, Context.company(companyId), one(companyId, installationId) + "/permitted-projects/"
                + projectId);
        return back(companyId, installationId, "project-removed");
    }

    @POST
    @Path("/{installationId}/disable")
    public Response disable(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId, @RestForm String reason) {
        api.post(Service.APPS, Context.company(companyId), one(companyId, installationId) + "/disable",
                reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason));
        return back(companyId, installationId, "disabled");
    }

    @POST
    @Path("/{installationId}/enable")
    public Response enable(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId) {
        api.post(Service.APPS, Context.company(companyId), one(companyId, installationId) + "/enable", Map.of());
        return back(companyId, installationId, "enabled");
    }

    @POST
    @Path("/{installationId}/uninstall")
    public Response uninstall(@PathParam("companyId") UUID companyId,
            @PathParam("installationId") UUID installationId) {
        api.delete(Service.APPS, Context.company(companyId), one(companyId, installationId));
        return back(companyId, installationId, "uninstalled");
    }

    private TemplateInstance detailPage(UUID companyId, UUID installationId, String done, ApiProblem problem) {
        Context here = Context.company(companyId);
        Map<String, Object> installation = api.get(Service.APPS, here, one(companyId, installationId));
        List<Map<String, Object>> projects = api.list(Service.DIRECTORY, here, "/companies/" + companyId
                + "/projects?status=active&limit=100");
        Set<String> permitted = installation.get("projectIds") instanceof List<?> ids
                ? ids.stream().map(String::valueOf).collect(Collectors.toSet()) : Set.of();
        return detail.data("frame", frames.of(companyId, String.valueOf(installation.get("appName")),
                        "installations"))
                .data("installation", installation).data("done", done).data("problem", problem)
                .data("permittedProjects", projects.stream().filter(p -> permitted.contains(p.get("id"))).toList())
                .data("otherProjects", projects.stream().filter(p -> !permitted.contains(p.get("id"))).toList());
    }

    private static Response back(UUID companyId, UUID installationId, String done) {
        return Response.seeOther(URI.create(one(companyId, installationId) + "?done=" + done)).build();
    }

    private static String base(UUID companyId) {
        return "/companies/" + companyId + "/installations";
    }

    private static String one(UUID companyId, UUID installationId) {
        return base(companyId) + "/" + installationId;
    }
}
