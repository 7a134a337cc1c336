package dev.gatehouse.console.account;

import dev.gatehouse.console.ConsoleConfig;
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
 * Everyone's own account (token-service's {@code /me}): who they are, their sign-in sessions (end any), the apps they
 * let act for them (revoke any), and the way to token-service's own pages for the password and the second factor,
 * which it serves itself because they ask for the password.
 */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
public class AccountResource {

    private final Api api;
    private final Frames frames;
    private final ConsoleConfig config;
    private final Template account;

    public AccountResource(Api api, Frames frames, ConsoleConfig config, @Location("account.html") Template account) {
        this.api = api;
        this.frames = frames;
        this.config = config;
        this.account = account;
    }

    @GET
    public TemplateInstance account(@QueryParam("done") String done) {
        return page(done, null, null);
    }

    /** The person's own name (token-service's {@code PATCH /me}); a refused one comes back as typed. */
    @POST
    @Path("/profile")
    public Response profile(@RestForm String displayName) {
        String typed = displayName == null ? "" : displayName;
        try {
            api.patch(Service.TOKEN, Context.NONE, "/me", Map.of("displayName", typed));
            return Response.seeOther(URI.create("/me?done=profile-saved")).build();
        } catch (ApiProblem problem) {
            if (problem.status() == 400) {
                return Response.status(400).entity(page(null, typed, problem)).build();
            }
            throw problem;
        }
    }

    private TemplateInstance page(String done, String typedName, ApiProblem problem) {
        Map<String, Object> me = api.get(Service.TOKEN, Context.NONE, "/me");
        return account.data("frame", frames.of("Your account")).data("me", me)
                .data("typedName", typedName != null ? typedName
                        : me.get("displayName") == null ? "" : me.get("displayName"))
                .data("problem", problem)
                .data("sessions", api.list(Service.TOKEN, Context.NONE, "/me/sessions"))
                .data("integrations", api.list(Service.TOKEN, Context.NONE, "/me/integrations"))
                .data("issuer", config.issuer()).data("done", done);
    }

    @POST
    @Path("/sessions/{sessionId}/end")
    public Response endSession(@PathParam("sessionId") UUID sessionId) {
        api.delete(Service.TOKEN, Context.NONE, "/me/sessions/" + sessionId);
        return Response.seeOther(URI.create("/me?done=session-ended")).build();
    }

    @POST
    @Path("/integrations/{companyId}/{clientId}/revoke")
    public Response revoke(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId) {
        if (!clientId.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        api.delete(Service.TOKEN, Context.NONE, "/me/integrations/" + companyId + "/" + clientId);
        return Response.seeOther(URI.create("/me?done=integration-revoked")).build();
    }
}
