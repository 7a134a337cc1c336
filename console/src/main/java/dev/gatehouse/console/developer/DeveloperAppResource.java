package dev.gatehouse.console.developer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.console.api.Api;
import dev.gatehouse.console.api.ApiProblem;
import dev.gatehouse.console.api.NewSecrets;
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
 * A developer's apps: register one; an app's page with its listing state, its versions (draft one in the manifest
 * editor, checked against the published schema as the developer types; publish a draft) and its client secret
 * (regenerated, shown once). app-management-service and token-service decide each of them.
 */
@Path("/developer-orgs/{developerOrgId}/apps")
@Produces(MediaType.TEXT_HTML)
public class DeveloperAppResource {

    static final String SKELETON = """
            {
              "companyPermissions": {"directory": "read_only"},
              "projectPermissions": {},
              "scopes": ["directory.read"],
              "redirectUris": []
            }""";

    private final Api api;
    private final DeveloperOrgPage orgPage;
    private final Frames frames;
    private final ManifestCheck check;
    private final ObjectMapper json;
    private final Template app;
    private final Template findings;
    private final Template secret;

    public DeveloperAppResource(Api api, DeveloperOrgPage orgPage, Frames frames, ManifestCheck check,
            ObjectMapper json,
            @Location("developer-app.html") Template app, @Location("manifest-findings.html") Template findings,
            @Location("secret-shown.html") Template secret) {
        this.api = api;
        this.orgPage = orgPage;
        this.frames = frames;
        this.check = check;
        this.json = json;
        this.app = app;
        this.findings = findings;
        this.secret = secret;
    }

    /**
     * Registers a marketplace app, or a company-owned one for one of the person's companies (app-management-service
     * decides whether they may); a refused form comes back on the organization's page as typed.
     */
    @POST
    public Response register(@PathParam("developerOrgId") UUID orgId, @RestForm String name,
            @RestForm String description, @RestForm String kind, @RestForm String contactEmail,
            @RestForm String owningCompanyId) {
        boolean company = "company".equals(kind);
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("name", name == null ? "" : name);
        typed.put("description", description == null ? "" : description);
        typed.put("contactEmail", contactEmail == null ? "" : contactEmail);
        typed.put("kind", company ? "company" : "marketplace");
        typed.put("owningCompanyId", company && owningCompanyId != null ? owningCompanyId : "");
        Map<String, Object> body = new LinkedHashMap<>(typed);
        body.put("developerOrgId", orgId.toString());
        body.values().removeIf(""::equals);
        try {
            Map<String, Object> created = api.post(Service.APPS, Context.developerOrg(orgId), "/apps", body);
            return Response.seeOther(URI.create(base(orgId) + "/" + created.get("id") + "?done=registered")).build();
        } catch (ApiProblem problem) {
            if (problem.status() == 400 || problem.status() == 409 || problem.status() == 403) {
                return Response.status(problem.status())
                        .entity(orgPage.page(orgId, OrgPageState.registerRefused(typed, problem))).build();
            }
            throw problem;
        }
    }

    @GET
    @Path("/{appId}")
    public TemplateInstance app(@PathParam("developerOrgId") UUID orgId, @PathParam("appId") UUID appId,
            @QueryParam("done") String done) {
        return page(orgId, appId, done, Map.of("version", "", "manifest", ""), null);
    }

    /** The editor's check as the developer types (htmx): what the published schema says, next to the editor. */
    @POST
    @Path("/{appId}/manifest-check")
    public TemplateInstance checkDraft(@PathParam("developerOrgId") UUID orgId, @PathParam("appId") UUID appId,
            @RestForm String manifest) {
        return findings.data("findings", check.check(manifest, api));
    }

    @POST
    @Path("/{appId}/versions")
    public Response draft(@PathParam("developerOrgId") UUID orgId, @PathParam("appId") UUID appId,
            @RestForm String version, @RestForm String manifest) {
        Map<String, Object> typed = Map.of("version", version == null ? "" : version, "manifest",
                manifest == null ? "" : manifest);
        try {
            Object parsed = json.readValue(manifest == null ? "" : manifest, Object.class);
            api.post(Service.APPS, Context.developerOrg(orgId), "/apps/" + appId + "/versions",
                    Map.of("version", version == null ? "" : version, "manifest", parsed == null ? Map.of() : parsed));
        } catch (JsonProcessingException e) {
            return Response.status(400).entity(page(orgId, appId, null, typed, new ApiProblem(400, "validation",
                    "The version was not saved", "", List.of(new ApiProblem.FieldError("manifest",
                            "is not valid JSON: " + e.getOriginalMessage()))))).build();
        } catch (ApiProblem problem) {
            if (problem.status() == 400 || problem.status() == 409) {
                return Response.status(problem.status()).entity(page(orgId, appId, null, typed, problem)).build();
            }
            throw problem;
        }
        return Response.seeOther(URI.create(base(orgId) + "/" + appId + "?done=drafted")).build();
    }

    @POST
    @Path("/{appId}/versions/{version}/publish")
    public Response publish(@PathParam("developerOrgId") UUID orgId, @PathParam("appId") UUID appId,
            @PathParam("version") String version) {
        if (!version.matches("[0-9A-Za-z.+-]{1,64}")) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        api.post(Service.APPS, Context.developerOrg(orgId), "/apps/" + appId + "/versions/" + version + "/publish",
                Map.of());
        return Response.seeOther(URI.create(base(orgId) + "/" + appId + "?done=published")).build();
    }

    /** A new client secret for the app's backend: every earlier one stops; shown this once. */
    @POST
    @Path("/{appId}/regenerate-secret")
    public Response regenerate(@PathParam("developerOrgId") UUID orgId, @PathParam("appId") UUID appId) {
        Context here = Context.developerOrg(orgId);
        Map<String, Object> found = api.get(Service.APPS, here, "/apps/" + appId);
        String clientId = String.valueOf(found.get("clientId"));
        Map<String, Object> fresh = api.post(Service.TOKEN, here, "/clients/" + clientId + "/regenerate-secret",
                Map.of());
        return Response.ok(secret.data("frame", frame(orgId, "Client secret of " + found.get("name")))
                .data("clientId", clientId).data("clientSecret", String.valueOf(fresh.get("clientSecret")))
                .data("createdAt", NewSecrets.createdAt(fresh)).data("back", base(orgId) + "/" + appId)).build();
    }

    private TemplateInstance page(UUID orgId, UUID appId, String done, Map<String, Object> typed,
            ApiProblem problem) {
        Context here = Context.developerOrg(orgId);
        Map<String, Object> found = api.get(Service.APPS, here, "/apps/" + appId);
        List<Map<String, Object>> versions = api.list(Service.APPS, here, "/apps/" + appId + "/versions");
        String manifest = String.valueOf(typed.get("manifest"));
        if (manifest.isEmpty()) {
            manifest = versions.isEmpty() ? SKELETON : pretty(versions.get(versions.size() - 1).get("manifest"));
        }
        return app.data("frame", frame(orgId, String.valueOf(found.get("name")))).data("app", found)
                .data("versions", versions).data("done", done).data("problem", problem)
                .data("typedVersion", typed.get("version")).data("typedManifest", manifest);
    }

    private Frame frame(UUID orgId, String title) {
        Map<String, Object> org = api.get(Service.APPS, Context.developerOrg(orgId), "/developer-orgs/" + orgId);
        return frames.of(title, new Frame.Place("developer-org", orgId.toString(), String.valueOf(org.get("name")),
                "apps"));
    }

    private String pretty(Object manifest) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            return SKELETON;
        }
    }

    private static String base(UUID orgId) {
        return "/developer-orgs/" + orgId + "/apps";
    }
}
