package dev.gatehouse.console.platform;

import dev.gatehouse.console.api.Api;
import dev.gatehouse.console.api.ApiPage;
import dev.gatehouse.console.api.ApiProblem;
import dev.gatehouse.console.api.Service;
import dev.gatehouse.console.session.Context;
import dev.gatehouse.console.web.Frame;
import dev.gatehouse.console.web.Pager;
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
import java.util.Map;
import java.util.UUID;

/**
 * Platform administration: companies (create one), developer organizations (create one and invite its first owner),
 * the marketplace review queue (approve, or reject with the reason its developers see) and the signing keys
 * (rotate). The owning services decide who may; only platform admins can.
 */
@Path("/platform")
@Produces(MediaType.TEXT_HTML)
public class PlatformResource {

    private final Api api;
    private final Frames frames;
    private final Template companies;
    private final Template orgs;
    private final Template reviews;
    private final Template keys;

    public PlatformResource(Api api, Frames frames, @Location("platform-companies.html") Template companies,
            @Location("platform-orgs.html") Template orgs, @Location("platform-reviews.html") Template reviews,
            @Location("platform-keys.html") Template keys) {
        this.api = api;
        this.frames = frames;
        this.companies = companies;
        this.orgs = orgs;
        this.reviews = reviews;
        this.keys = keys;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/platform/companies")).build();
    }

    @GET
    @Path("/companies")
    public TemplateInstance companies(@QueryParam("cursor") String cursor) {
        return companiesPage(cursor, "", null);
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
                return Response.status(problem.status()).entity(companiesPage(null, name, problem)).build();
            }
            throw problem;
        }
    }

    @GET
    @Path("/developer-orgs")
    public TemplateInstance orgs(@QueryParam("done") String done, @QueryParam("cursor") String cursor) {
        return orgsPage(cursor, Map.of("name", "", "ownerName", "", "ownerEmail", ""), null, done);
    }

    /** A developer organization and its first owner, invited by e-mail (who then invites the others). */
    @POST
    @Path("/developer-orgs")
    public Response createOrg(@RestForm String name, @RestForm String ownerName, @RestForm String ownerEmail) {
        Map<String, Object> typed = Map.of("name", text(name), "ownerName", text(ownerName), "ownerEmail",
                text(ownerEmail));
        try {
            Map<String, Object> org = api.post(Service.APPS, Context.NONE, "/developer-orgs",
                    Map.of("name", text(name)));
            api.post(Service.APPS, Context.NONE, "/developer-orgs/" + org.get("id") + "/members",
                    Map.of("name", text(ownerName), "email", text(ownerEmail), "role", "owner"));
        } catch (ApiProblem problem) {
            if (problem.status() == 400 || problem.status() == 409) {
                return Response.status(problem.status()).entity(orgsPage(null, typed, problem, null)).build();
            }
            throw problem;
        }
        return Response.seeOther(URI.create("/platform/developer-orgs?done=created")).build();
    }

    @GET
    @Path("/reviews")
    public TemplateInstance reviews(@QueryParam("done") String done) {
        return reviews.data("frame", frame("Marketplace review queue", "reviews")).data("done", done)
                .data("pending", api.list(Service.APPS, Context.NONE, "/listing-reviews?status=pending&limit=100"));
    }

    @POST
    @Path("/reviews/{appId}/approve")
    public Response approve(@PathParam("appId") UUID appId, @RestForm String note) {
        api.post(Service.APPS, Context.NONE, "/listing-reviews/" + appId + "/approve",
                note == null || note.isBlank() ? Map.of() : Map.of("note", note));
        return Response.seeOther(URI.create("/platform/reviews?done=approved")).build();
    }

    @POST
    @Path("/reviews/{appId}/reject")
    public Response reject(@PathParam("appId") UUID appId, @RestForm String note) {
        api.post(Service.APPS, Context.NONE, "/listing-reviews/" + appId + "/reject", Map.of("note", text(note)));
        return Response.seeOther(URI.create("/platform/reviews?done=rejected")).build();
    }

    @GET
    @Path("/signing-keys")
    public TemplateInstance keys(@QueryParam("done") String done) {
        return keys.data("frame", frame("Signing keys", "signing-keys")).data("done", done)
                .data("keys", api.list(Service.TOKEN, Context.NONE, "/signing-keys"));
    }

    @POST
    @Path("/signing-keys/rotate")
    public Response rotate(@RestForm String algorithm) {
        String alg = "RS256".equals(algorithm) ? "RS256" : "ES256";
        api.post(Service.TOKEN, Context.NONE, "/signing-keys/rotate?algorithm=" + alg, Map.of());
        return Response.seeOther(URI.create("/platform/signing-keys?done=rotated")).build();
    }

    private TemplateInstance orgsPage(String cursor, Map<String, Object> typed, ApiProblem problem, String done) {
        ApiPage page = api.page(Service.APPS, Context.NONE, "/developer-orgs?limit=100", cursor);
        return orgs.data("frame", frame("Developer organizations", "developer-orgs")).data("done", done)
                .data("orgs", page.items()).data("pager", Pager.of("/platform/developer-orgs", cursor, page))
                .data("typed", typed).data("problem", problem);
    }

    /** Platform pages share a heading and their own navigation. */
    private Frame frame(String title, String section) {
        return frames.of(title, new Frame.Place("platform", "", "Platform", section));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private TemplateInstance companiesPage(String cursor, String typedName, ApiProblem problem) {
        ApiPage page = api.page(Service.DIRECTORY, Context.NONE, "/companies?limit=100", cursor);
        return companies.data("frame", frame("Companies", "companies"))
                .data("companies", page.items()).data("pager", Pager.of("/platform/companies", cursor, page))
                .data("typedName", typedName == null ? "" : typedName).data("problem", problem);
    }
}
