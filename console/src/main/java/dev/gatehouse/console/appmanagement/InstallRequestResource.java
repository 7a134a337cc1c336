package dev.gatehouse.console.appmanagement;

import dev.gatehouse.console.api.Api;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Members' install requests in a company (Procore's "request an app"): the pending ones for an admin to approve
 * (which installs the app, acknowledging a high-risk one) or deny with a note, and the ones already decided.
 */
@Path("/companies/{companyId}/install-requests")
@Produces(MediaType.TEXT_HTML)
public class InstallRequestResource {

    private final Api api;
    private final CompanyFrames frames;
    private final Template requests;

    public InstallRequestResource(Api api, CompanyFrames frames, @Location("install-requests.html") Template requests) {
        this.api = api;
        this.frames = frames;
        this.requests = requests;
    }

    @GET
    public TemplateInstance list(@PathParam("companyId") UUID companyId, @QueryParam("done") String done) {
        Context here = Context.company(companyId);
        Map<String, String> appNames = new LinkedHashMap<>();
        api.list(Service.APPS, here, "/companies/" + companyId + "/apps?limit=100")
                .forEach(a -> appNames.put(String.valueOf(a.get("appId")), String.valueOf(a.get("name"))));
        List<Map<String, Object>> all = api.list(Service.APPS, here, base(companyId) + "?limit=100");
        return requests.data("frame", frames.of(companyId, "Install requests", "install-requests"))
                .data("pending", all.stream().filter(r -> "pending".equals(r.get("status"))).toList())
                .data("decided", all.stream().filter(r -> !"pending".equals(r.get("status"))).toList())
                .data("appNames", appNames).data("done", done);
    }

    @POST
    @Path("/{requestId}/approve")
    public Response approve(@PathParam("companyId") UUID companyId, @PathParam("requestId") UUID requestId,
            @RestForm String acknowledgeHighRisk) {
        String query = "yes".equals(acknowledgeHighRisk) ? "?acknowledgeHighRisk=true" : "";
        api.post(Service.APPS, Context.company(companyId), base(companyId) + "/" + requestId + "/approve" + query,
                Map.of());
        return Response.seeOther(URI.create(base(companyId) + "?done=approved")).build();
    }

    @POST
    @Path("/{requestId}/deny")
    public Response deny(@PathParam("companyId") UUID companyId, @PathParam("requestId") UUID requestId,
            @RestForm String note) {
        api.post(Service.APPS, Context.company(companyId), base(companyId) + "/" + requestId + "/deny",
                Map.of("note", note == null ? "" : note));
        return Response.seeOther(URI.create(base(companyId) + "?done=denied")).build();
    }

    private static String base(UUID companyId) {
        return "/companies/" + companyId + "/install-requests";
    }
}
