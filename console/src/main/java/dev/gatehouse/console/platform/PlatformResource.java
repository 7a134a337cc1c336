package dev.gatehouse.console.platform;

import dev.gatehouse.console.api.Api;
import dev.gatehouse.console.api.ApiProblem;
import dev.gatehouse.console.api.Service;
import dev.gatehouse.console.session.Context;
import dev.gatehouse.console.web.Frames;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.Map;

/**
 * Platform administration: the companies (create one; directory-service decides who may). More of the platform
 * admin's work (developer organizations, the review queue, signing keys) joins it here.
 */
@Path("/platform")
@Produces(MediaType.TEXT_HTML)
public class PlatformResource {

    private final Api api;
    private final Frames frames;
    private final Template companies;

    public PlatformResource(Api api, Frames frames, @Location("platform-companies.html") Template companies) {
        this.api = api;
        this.frames = frames;
        this.companies = companies;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/platform/companies")).build();
    }

    @GET
    @Path("/companies")
    public TemplateInstance companies() {
        return companiesPage("", null);
    }

    @POST
    @Path("/companies")
    public Response create(@RestForm String name) {
        try {
            Map<String, Object> created = api.post(Service.DIRECTORY, Context.NONE, "/companies",
                    Map.of("name", name == null ? "" : name));
            return Response.seeOther(URI.create("/companies/" + created.get("id"))).build();
        } catch (ApiProblem problem) {
            if (problem.status() == 400 || problem.status() == 409) {
                return Response.status(problem.status()).entity(companiesPage(name, problem)).build();
            }
            throw problem;
        }
    }

    private TemplateInstance companiesPage(String typedName, ApiProblem problem) {
        return companies.data("frame", frames.of("Companies"))
                .data("companies", api.list(Service.DIRECTORY, Context.NONE, "/companies?limit=100"))
                .data("typedName", typedName == null ? "" : typedName).data("problem", problem);
    }
}
