package dev.gatehouse.console.serviceaccount;

import dev.gatehouse.console.api.Api;
import dev.gatehouse.console.api.ApiPage;
import dev.gatehouse.console.api.ApiProblem;
import dev.gatehouse.console.api.NewSecrets;
import dev.gatehouse.console.api.Service;
import dev.gatehouse.console.company.CompanyFrames;
import dev.gatehouse.console.session.Context;
import dev.gatehouse.console.web.Pager;
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
import java.util.UUID;

/**
 * A company's service accounts, as Itential's Admin Essentials shows clients: create one and see its secret once
 * (with its creation time and a warning to save it), later only when each secret was made and last used; regenerate,
 * rotate to two live secrets, revoke one; the enable/disable toggle with its banner; the metadata drawer. Every
 * decision is token-service's ({@code /companies/{companyId}/service-accounts}).
 */
@Path("/companies/{companyId}/service-accounts")
@Produces(MediaType.TEXT_HTML)
public class ServiceAccountResource {

    private final Api api;
    private final CompanyFrames frames;
    private final Template list;
    private final Template detail;
    private final Template secret;

    public ServiceAccountResource(Api api, CompanyFrames frames, @Location("service-accounts.html") Template list,
            @Location("service-account.html") Template detail, @Location("secret-shown.html") Template secret) {
        this.api = api;
        this.frames = frames;
        this.list = list;
        this.detail = detail;
        this.secret = secret;
    }

    @GET
    public TemplateInstance list(@PathParam("companyId") UUID companyId, @QueryParam("cursor") String cursor) {
        return listPage(companyId, cursor, ServiceAccountForm.EMPTY, null);
    }

    @POST
    public Response create(@PathParam("companyId") UUID companyId, @RestForm String name,
            @RestForm String description, @RestForm String tokenLifetimeSeconds, @RestForm List<String> scopes) {
        ServiceAccountForm typed = new ServiceAccountForm(name, description, tokenLifetimeSeconds, scopes);
        try {
            Map<String, Object> created = api.post(Service.TOKEN, Context.company(companyId), base(companyId),
                    typed.body());
            @SuppressWarnings("unchecked")
            Map<String, Object> client = (Map<String, Object>) created.get("client");
            return shown(companyId, "Service account created", String.valueOf(created.get("clientId")),
                    String.valueOf(created.get("clientSecret")), client.get("createdAt"), 201);
        } catch (ApiProblem problem) {
            if (problem.status() == 400 || problem.status() == 409) {
                return Response.status(problem.status()).entity(listPage(companyId, null, typed, problem)).build();
            }
            throw problem;
        }
    }

    @GET
    @Path("/{clientId}")
    public TemplateInstance detail(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId,
            @QueryParam("done") String done) {
        Map<String, Object> account = api.get(Service.TOKEN, Context.company(companyId), one(companyId, clientId));
        return detail.data("frame", frames.of(companyId, String.valueOf(account.get("name")), "service-accounts"))
                .data("sa", account).data("done", done);
    }

    @POST
    @Path("/{clientId}/regenerate")
    public Response regenerate(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId) {
        Map<String, Object> fresh = api.post(Service.TOKEN, Context.company(companyId),
                one(companyId, clientId) + "/regenerate-secret", Map.of());
        return shown(companyId, "Secret regenerated", clientId, String.valueOf(fresh.get("clientSecret")),
                NewSecrets.createdAt(fresh), 200);
    }

    @POST
    @Path("/{clientId}/rotate")
    public Response rotate(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId) {
        Map<String, Object> fresh = api.post(Service.TOKEN, Context.company(companyId),
                one(companyId, clientId) + "/secrets", Map.of());
        return shown(companyId, "Second secret added", clientId, String.valueOf(fresh.get("clientSecret")),
                NewSecrets.createdAt(fresh), 200);
    }

    @POST
    @Path("/{clientId}/secrets/{secretId}/revoke")
    public Response revokeSecret(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId,
            @PathParam("secretId") UUID secretId) {
        api.delete(Service.TOKEN, Context.company(companyId), one(companyId, clientId) + "/secrets/" + secretId);
        return back(companyId, clientId, "secret-revoked");
    }

    @POST
    @Path("/{clientId}/disable")
    public Response disable(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId,
            @RestForm String reason) {
        Map<String, Object> body = reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason);
        api.post(Service.TOKEN, Context.company(companyId), one(companyId, clientId) + "/disable", body);
        return back(companyId, clientId, "disabled");
    }

    @POST
    @Path("/{clientId}/enable")
    public Response enable(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId) {
        api.post(Service.TOKEN, Context.company(companyId), one(companyId, clientId) + "/enable", Map.of());
        return back(companyId, clientId, "enabled");
    }

    private TemplateInstance listPage(UUID companyId, String cursor, ServiceAccountForm typed, ApiProblem problem) {
        Context here = Context.company(companyId);
        ApiPage accounts = api.page(Service.TOKEN, here, base(companyId) + "?limit=100", cursor);
        return list.data("frame", frames.of(companyId, "Service accounts", "service-accounts"))
                .data("accounts", accounts.items()).data("pager", Pager.of(base(companyId), cursor, accounts))
                .data("legacy", api.list(Service.APPS, here, "/companies/" + companyId
                        + "/legacy-service-accounts?limit=100"))
                .data("scopeCatalogue", api.list(Service.DIRECTORY, here, "/scopes"))
                .data("typed", typed).data("problem", problem);
    }

    /** The page that shows a secret this once; it is never stored, and the page is not cached (no-store). */
    private Response shown(UUID companyId, String title, String clientId, String clientSecret, Object createdAt,
            int status) {
        return Response.status(status).entity(secret.data("frame", frames.of(companyId, title, "service-accounts"))
                .data("clientId", clientId).data("clientSecret", clientSecret).data("createdAt", createdAt)
                .data("back", base(companyId) + "/" + clientId)).build();
    }

    private static Response back(UUID companyId, String clientId, String done) {
        return Response.seeOther(URI.create(base(companyId) + "/" + clientId + "?done=" + done)).build();
    }

    private static String base(UUID companyId) {
        return "/companies/" + companyId + "/service-accounts";
    }

    private static String one(UUID companyId, String clientId) {
        if (!clientId.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return base(companyId) + "/" + clientId;
    }
}
