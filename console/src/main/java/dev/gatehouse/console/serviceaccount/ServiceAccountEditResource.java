package dev.gatehouse.console.serviceaccount;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Itential's "Edit" for a service account: its details (name, description, token lifetime, scopes; token-service's
 * {@code PATCH}) and its permissions (the company and project permissions of its directory user and the projects
 * they apply to; {@code PUT …/permissions}, replaced as a whole). A refused form comes back as typed, each error
 * next to its field. A legacy account's client is edited on the legacy account's page instead (token-service
 * refuses it with {@code legacy-managed}).
 */
@Path("/companies/{companyId}/service-accounts/{clientId}/edit")
@Produces(MediaType.TEXT_HTML)
public class ServiceAccountEditResource {

    private final Api api;
    private final CompanyFrames frames;
    private final Template edit;

    public ServiceAccountEditResource(Api api, CompanyFrames frames,
            @Location("service-account-edit.html") Template edit) {
        this.api = api;
        this.frames = frames;
        this.edit = edit;
    }

    @GET
    public TemplateInstance form(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId) {
        Map<String, Object> account = account(companyId, clientId);
        return page(companyId, account, ServiceAccountForm.of(account), PermissionForm.of(account), null, null);
    }

    @POST
    @Path("/details")
    public Response details(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId,
            @RestForm String name, @RestForm String description, @RestForm String tokenLifetimeSeconds,
            @RestForm List<String> scopes) {
        ServiceAccountForm typed = new ServiceAccountForm(name, description, tokenLifetimeSeconds, scopes);
        Map<String, Object> account = account(companyId, clientId);
        try {
            api.patch(Service.TOKEN, Context.company(companyId), path(companyId, clientId), typed.body());
            return done(companyId, clientId, "details-saved");
        } catch (ApiProblem problem) {
            if (problem.status() == 400 || problem.status() == 409) {
                return Response.status(problem.status()).entity(page(companyId, account, typed,
                        PermissionForm.of(account), problem, null)).build();
            }
            throw problem;
        }
    }

    @POST
    @Path("/permissions")
    public Response permissions(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId,
            @RestForm List<String> companyPermissions, @RestForm List<String> projectPermissions,
            @RestForm List<String> projectIds, @RestForm String acknowledgeHighRisk) {
        PermissionForm typed = PermissionForm.typed(companyPermissions, projectPermissions, projectIds,
                acknowledgeHighRisk != null);
        Map<String, Object> account = account(companyId, clientId);
        try {
            api.put(Service.TOKEN, Context.company(companyId), path(companyId, clientId) + "/permissions",
                    typed.body());
            return done(companyId, clientId, "permissions-saved");
        } catch (ApiProblem problem) {
            if (problem.status() == 400 || problem.status() == 409) {
                return Response.status(problem.status()).entity(page(companyId, account,
                        ServiceAccountForm.of(account), typed, null, problem)).build();
            }
            throw problem;
        }
    }

    private TemplateInstance page(UUID companyId, Map<String, Object> account, ServiceAccountForm details,
            PermissionForm permissions, ApiProblem detailsProblem, ApiProblem permissionsProblem) {
        Context here = Context.company(companyId);
        return edit.data("frame", frames.of(companyId, "Edit " + account.get("name"), "service-accounts"))
                .data("sa", account).data("details", details).data("permissions", permissions)
                .data("detailsProblem", detailsProblem).data("permissionsProblem", permissionsProblem)
                .data("scopeCatalogue", api.list(Service.DIRECTORY, here, "/scopes"))
                .data("tools", api.get(Service.DIRECTORY, here, "/tools"))
                .data("projects", api.list(Service.DIRECTORY, here, "/companies/" + companyId
                        + "/projects?limit=100"));
    }

    private Map<String, Object> account(UUID companyId, String clientId) {
        return api.get(Service.TOKEN, Context.company(companyId), path(companyId, clientId));
    }

    private static Response done(UUID companyId, String clientId, String done) {
        return Response.seeOther(URI.create(path(companyId, clientId) + "?done=" + done)).build();
    }

    private static String path(UUID companyId, String clientId) {
        if (!clientId.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new NotFoundException();
        }
        return "/companies/" + companyId + "/service-accounts/" + clientId;
    }
}
