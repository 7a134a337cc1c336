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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An app's details as companies see them in their catalogue (name, description, contact, documentation and privacy
 * links): edited by its developers with app-management-service's {@code PATCH /apps/{appId}}, where an empty
 * contact or link removes it. A refused form comes back as typed, each error next to its field.
 */
@Path("/developer-orgs/{developerOrgId}/apps/{appId}/details")
@Produces(MediaType.TEXT_HTML)
public class AppDetailsResource {

    private static final String[] FIELDS = {"name", "description", "contactEmail", "documentationUrl",
        "privacyPolicyUrl"};

    private final Api api;
    private final Frames frames;
    private final Template details;

    public AppDetailsResource(Api api, Frames frames, @Location("developer-app-details.html") Template details) {
        this.api = api;
        this.frames = frames;
        this.details = details;
    }

    @GET
    public TemplateInstance form(@PathParam("developerOrgId") UUID orgId, @PathParam("appId") UUID appId) {
        Map<String, Object> app = app(orgId, appId);
        return page(orgId, app, typed(app), null);
    }

    @POST
    public Response save(@PathParam("developerOrgId") UUID orgId, @PathParam("appId") UUID appId,
            @RestForm String name, @RestForm String description, @RestForm String contactEmail,
            @RestForm String documentationUrl, @RestForm String privacyPolicyUrl) {
        Map<String, Object> typed = typed(Map.of("name", text(name), "description", text(description),
                "contactEmail", text(contactEmail), "documentationUrl", text(documentationUrl),
                "privacyPolicyUrl", text(privacyPolicyUrl)));
        try {
            api.patch(Service.APPS, Context.developerOrg(orgId), "/apps/" + appId, typed);
            return Response.seeOther(URI.create("/developer-orgs/" + orgId + "/apps/" + appId
                    + "?done=details-saved")).build();
        } catch (ApiProblem problem) {
            if (problem.status() == 400 || problem.status() == 409) {
                return Response.status(problem.status()).entity(page(orgId, app(orgId, appId), typed, problem))
                        .build();
            }
            throw problem;
        }
    }

    private TemplateInstance page(UUID orgId, Map<String, Object> app, Map<String, Object> typed,
            ApiProblem problem) {
        Map<String, Object> org = api.get(Service.APPS, Context.developerOrg(orgId), "/developer-orgs/" + orgId);
        Frame frame = frames.of("Details of " + app.get("name"), new Frame.Place("developer-org", orgId.toString(),
                String.valueOf(org.get("name")), "apps"));
        return details.data("frame", frame).data("app", app).data("typed", typed).data("problem", problem);
    }

    private Map<String, Object> app(UUID orgId, UUID appId) {
        return api.get(Service.APPS, Context.developerOrg(orgId), "/apps/" + appId);
    }

    /** The five fields, each as text ("" for none): what the form shows and what PATCH gets. */
    private static Map<String, Object> typed(Map<String, Object> source) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            typed.put(field, text(source.get(field)));
        }
        return typed;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
