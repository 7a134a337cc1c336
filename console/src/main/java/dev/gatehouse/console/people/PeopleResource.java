package dev.gatehouse.console.people;

import dev.gatehouse.console.api.Api;
import dev.gatehouse.console.api.ApiPage;
import dev.gatehouse.console.api.ApiProblem;
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
import java.util.Map;
import java.util.UUID;

/**
 * A company's directory: people (invite by e-mail, make admin or member, deactivate, reactivate) and the users that
 * are not people (installations' app users, service accounts' and legacy accounts' users), shown as managed by what
 * owns them and not editable here. directory-service decides each change.
 */
@Path("/companies/{companyId}/people")
@Produces(MediaType.TEXT_HTML)
public class PeopleResource {

    private final Api api;
    private final CompanyFrames frames;
    private final Template people;

    public PeopleResource(Api api, CompanyFrames frames, @Location("people.html") Template people) {
        this.api = api;
        this.frames = frames;
        this.people = people;
    }

    @GET
    public TemplateInstance list(@PathParam("companyId") UUID companyId, @QueryParam("done") String done,
            @QueryParam("cursor") String cursor) {
        return page(companyId, done, cursor, Map.of("name", "", "email", ""), null);
    }

    @POST
    public Response invite(@PathParam("companyId") UUID companyId, @RestForm String name, @RestForm String email) {
        Map<String, Object> typed = Map.of("name", name == null ? "" : name, "email", email == null ? "" : email);
        try {
            api.post(Service.DIRECTORY, Context.company(companyId), base(companyId), typed);
        } catch (ApiProblem problem) {
            if (problem.status() == 400 || problem.status() == 409) {
                return Response.status(problem.status()).entity(page(companyId, null, null, typed, problem)).build();
            }
            throw problem;
        }
        return back(companyId, "invited");
    }

    /** Admin or member: admin on the company's Directory tool is what makes a company admin (docs/security.md). */
    @POST
    @Path("/{userId}/role")
    public Response role(@PathParam("companyId") UUID companyId, @PathParam("userId") UUID userId,
            @RestForm String role) {
        api.put(Service.DIRECTORY, Context.company(companyId), user(companyId, userId) + "/permissions",
                Map.of("permissions", "admin".equals(role) ? Map.of("directory", "admin") : Map.of()));
        return back(companyId, "admin".equals(role) ? "made-admin" : "made-member");
    }

    @POST
    @Path("/{userId}/deactivate")
    public Response deactivate(@PathParam("companyId") UUID companyId, @PathParam("userId") UUID userId) {
        api.delete(Service.DIRECTORY, Context.company(companyId), user(companyId, userId));
        return back(companyId, "deactivated");
    }

    @POST
    @Path("/{userId}/reactivate")
    public Response reactivate(@PathParam("companyId") UUID companyId, @PathParam("userId") UUID userId) {
        api.post(Service.DIRECTORY, Context.company(companyId), user(companyId, userId) + "/reactivate", Map.of());
        return back(companyId, "reactivated");
    }

    private TemplateInstance page(UUID companyId, String done, String cursor, Map<String, Object> typed,
            ApiProblem problem) {
        ApiPage users = api.page(Service.DIRECTORY, Context.company(companyId), base(companyId) + "?limit=100",
                cursor);
        return people.data("frame", frames.of(companyId, "People and users", "people"))
                .data("users", users.items()).data("pager", Pager.of("/companies/" + companyId + "/people", cursor,
                        users))
                .data("typed", typed).data("problem", problem).data("done", done);
    }

    private static Response back(UUID companyId, String done) {
        return Response.seeOther(URI.create("/companies/" + companyId + "/people?done=" + done)).build();
    }

    private static String base(UUID companyId) {
        return "/companies/" + companyId + "/users";
    }

    private static String user(UUID companyId, UUID userId) {
        return base(companyId) + "/" + userId;
    }
}
