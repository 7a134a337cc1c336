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
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Procore's App Management in a company: the catalogue (Marketplace and Company-owned tabs, each app's on/off/allow
 * state), an app's page (developer, contact, links, scopes and permissions with the high-risk ones marked) with the
 * on/off/allow choice, the install wizard (projects, or all current and future ones; the high-risk acknowledgement)
 * and a member's install request. app-management-service decides each of them.
 */
@Path("/companies/{companyId}/apps")
@Produces(MediaType.TEXT_HTML)
public class AppCatalogueResource {

    private final Api api;
    private final CompanyFrames frames;
    private final Template catalogue;
    private final Template app;
    private final Template wizard;

    public AppCatalogueResource(Api api, CompanyFrames frames, @Location("catalogue.html") Template catalogue,
            @Location("catalogue-app.html") Template app, @Location("install-wizard.html") Template wizard) {
        this.api = api;
        this.frames = frames;
        this.catalogue = catalogue;
        this.app = app;
        this.wizard = wizard;
    }

    @GET
    public TemplateInstance catalogue(@PathParam("companyId") UUID companyId, @QueryParam("tab") String tab) {
        String kind = "company".equals(tab) ? "company" : "marketplace";
        List<Map<String, Object>> apps = entries(companyId).stream().filter(a -> kind.equals(a.get("kind"))).toList();
        return catalogue.data("frame", frames.of(companyId, "Apps", "apps")).data("tab", kind).data("apps", apps);
    }

    @GET
    @Path("/{appId}")
    public TemplateInstance app(@PathParam("companyId") UUID companyId, @PathParam("appId") UUID appId,
            @QueryParam("done") String done) {
        Map<String, Object> entry = entry(companyId, appId);
        return app.data("frame", frames.of(companyId, String.valueOf(entry.get("name")), "apps"))
                .data("app", entry).data("done", done);
    }

    @POST
    @Path("/{appId}/binding")
    public Response binding(@PathParam("companyId") UUID companyId, @PathParam("appId") UUID appId,
            @RestForm String state) {
        api.put(Service.APPS, Context.company(companyId), "/companies/" + companyId + "/app-bindings/" + appId,
                Map.of("state", state == null ? "" : state));
        return Response.seeOther(URI.create(base(companyId) + "/" + appId + "?done=binding")).build();
    }

    @GET
    @Path("/{appId}/install")
    public TemplateInstance wizard(@PathParam("companyId") UUID companyId, @PathParam("appId") UUID appId) {
        return wizardPage(companyId, appId, Map.of("projectAccess", "selected", "projectIds", List.of(),
                "acknowledgeHighRisk", false), null);
    }

    @POST
    @Path("/{appId}/install")
    public Response install(@PathParam("companyId") UUID companyId, @PathParam("appId") UUID appId,
            @RestForm String projectAccess, @RestForm List<String> projectIds,
            @RestForm String acknowledgeHighRisk) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("appId", appId.toString());
        typed.put("projectAccess", projectAccess == null ? "selected" : projectAccess);
        typed.put("projectIds", "selected".equals(typed.get("projectAccess")) && projectIds != null ? projectIds
                : List.of());
        typed.put("acknowledgeHighRisk", "yes".equals(acknowledgeHighRisk));
        // Projects are named only for the chosen-projects choice; with "all current" the service refuses a list,
        // even an empty one.
        Map<String, Object> body = new LinkedHashMap<>(typed);
        if (!"selected".equals(typed.get("projectAccess"))) {
            body.remove("projectIds");
        }
        try {
            Map<String, Object> installed = api.post(Service.APPS, Context.company(companyId),
                    "/companies/" + companyId + "/installations", body);
            return Response.seeOther(URI.create("/companies/" + companyId + "/installations/" + installed.get("id")
                    + "?done=installed")).build();
        } catch (ApiProblem problem) {
            if (problem.status() == 400 || problem.status() == 409) {
                return Response.status(problem.status()).entity(wizardPage(companyId, appId, typed, problem)).build();
            }
            throw problem;
        }
    }

    @POST
    @Path("/{appId}/request")
    public Response request(@PathParam("companyId") UUID companyId, @PathParam("appId") UUID appId,
            @RestForm String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", appId.toString());
        if (note != null && !note.isBlank()) {
            body.put("note", note);
        }
        api.post(Service.APPS, Context.company(companyId), "/companies/" + companyId + "/install-requests", body);
        return Response.seeOther(URI.create(base(companyId) + "/" + appId + "?done=requested")).build();
    }

    private TemplateInstance wizardPage(UUID companyId, UUID appId, Map<String, Object> typed, ApiProblem problem) {
        Map<String, Object> entry = entry(companyId, appId);
        return wizard.data("frame", frames.of(companyId, "Install " + entry.get("name"), "apps"))
                .data("app", entry).data("typed", typed).data("problem", problem)
                .data("projects", api.list(Service.DIRECTORY, Context.company(companyId), "/companies/" + companyId
                        + "/projects?status=active&limit=100"));
    }

    private List<Map<String, Object>> entries(UUID companyId) {
        return api.list(Service.APPS, Context.company(companyId), "/companies/" + companyId + "/apps?limit=100");
    }

    /** One app as the company's catalogue shows it; not there (not listed, not the company's): 404. */
    private Map<String, Object> entry(UUID companyId, UUID appId) {
        return entries(companyId).stream().filter(a -> appId.toString().equals(a.get("appId"))).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    private static String base(UUID companyId) {
        return "/companies/" + companyId + "/apps";
    }
}
