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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deprecated legacy service account (Procore's, which DMSA replaces): its permissions and projects as the admin
 * set them, and the migrate action that moves it onto an installation of the developer's app. The migration is
 * app-management-service's: it never widens access silently, so when the app needs more than the account had the
 * page shows what it adds and asks the admin to accept it ({@code migration-adds-permissions}).
 */
@Path("/companies/{companyId}/legacy-service-accounts/{accountId}")
@Produces(MediaType.TEXT_HTML)
public class LegacyServiceAccountResource {

    private final Api api;
    private final CompanyFrames frames;
    private final Template legacy;
    private final Template migrated;

    public LegacyServiceAccountResource(Api api, CompanyFrames frames,
            @Location("legacy-service-account.html") Template legacy,
            @Location("legacy-migrated.html") Template migrated) {
        this.api = api;
        this.frames = frames;
        this.legacy = legacy;
        this.migrated = migrated;
    }

    @GET
    public TemplateInstance account(@PathParam("companyId") UUID companyId, @PathParam("accountId") UUID accountId) {
        return page(companyId, accountId, typed(null, false, false), null);
    }

    @POST
    @Path("/migrate")
    public Response migrate(@PathParam("companyId") UUID companyId, @PathParam("accountId") UUID accountId,
            @RestForm String appId, @RestForm String acceptAddedPermissions, @RestForm String acknowledgeHighRisk) {
        Map<String, Object> typed = typed(appId, acceptAddedPermissions != null, acknowledgeHighRisk != null);
        try {
            Map<String, Object> outcome = api.post(Service.APPS, Context.company(companyId),
                    path(companyId, accountId) + "/migrate", typed);
            return Response.ok(migrated.data("frame", frames.of(companyId, "Migrated", "service-accounts"))
                    .data("outcome", outcome)).build();
        } catch (ApiProblem problem) {
            if (problem.status() == 400 || problem.status() == 409 || problem.status() == 404) {
                return Response.status(problem.status()).entity(page(companyId, accountId, typed, problem)).build();
            }
            throw problem;
        }
    }

    /** The migrate form as typed, which is also the body app-management-service takes. */
    private static Map<String, Object> typed(String appId, boolean acceptAddedPermissions,
            boolean acknowledgeHighRisk) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("appId", appId == null ? "" : appId);
        typed.put("acceptAddedPermissions", acceptAddedPermissions);
        typed.put("acknowledgeHighRisk", acknowledgeHighRisk);
        return typed;
    }

    private TemplateInstance page(UUID companyId, UUID accountId, Map<String, Object> typed, ApiProblem problem) {
        Context here = Context.company(companyId);
        Map<String, Object> account = api.get(Service.APPS, here, path(companyId, accountId));
        return legacy.data("frame", frames.of(companyId, String.valueOf(account.get("name")), "service-accounts"))
                .data("account", account).data("typed", typed).data("problem", problem)
                .data("apps", installable(companyId)).data("projects", api.list(Service.DIRECTORY, here,
                        "/companies/" + companyId + "/projects?limit=100"));
    }

    /** The apps it may move onto: those an admin may install here now, or that are installed already. */
    private List<Map<String, Object>> installable(UUID companyId) {
        return api.list(Service.APPS, Context.company(companyId), "/companies/" + companyId + "/apps?limit=100")
                .stream().filter(a -> Boolean.TRUE.equals(a.get("installable")) || a.get("installation") != null)
                .toList();
    }

    private static String path(UUID companyId, UUID accountId) {
        return "/companies/" + companyId + "/legacy-service-accounts/" + accountId;
    }
}
