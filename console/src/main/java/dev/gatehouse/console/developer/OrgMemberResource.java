package dev.gatehouse.console.developer;

import dev.gatehouse.console.api.Api;
import dev.gatehouse.console.api.ApiProblem;
import dev.gatehouse.console.api.Service;
import dev.gatehouse.console.session.Context;
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
import java.util.function.Supplier;

/**
 * A developer organization's members (its developers): invite one with a role (token-service e-mails the link), make
 * one owner or developer, invite again, remove. Only owners may; app-management-service decides, and keeps the last
 * owner from leaving ({@code last-owner}).
 */
@Path("/developer-orgs/{developerOrgId}/members")
@Produces(MediaType.TEXT_HTML)
public class OrgMemberResource {

    private final Api api;
    private final DeveloperOrgPage overview;

    public OrgMemberResource(Api api, DeveloperOrgPage overview) {
        this.api = api;
        this.overview = overview;
    }

    @POST
    public Response invite(@PathParam("developerOrgId") UUID orgId, @RestForm String name, @RestForm String email,
            @RestForm String role) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("name", name == null ? "" : name);
        typed.put("email", email == null ? "" : email);
        typed.put("role", "owner".equals(role) ? "owner" : "developer");
        try {
            api.post(Service.APPS, Context.developerOrg(orgId), base(orgId), typed);
            return done(orgId, "invited");
        } catch (ApiProblem problem) {
            if (problem.status() == 400 || problem.status() == 409) {
                return Response.status(problem.status())
                        .entity(overview.page(orgId, OrgPageState.inviteRefused(typed, problem))).build();
            }
            throw problem;
        }
    }

    @POST
    @Path("/{memberId}/role")
    public Response role(@PathParam("developerOrgId") UUID orgId, @PathParam("memberId") UUID memberId,
            @RestForm String role) {
        return refusedOrDone(orgId, "owner".equals(role) ? "made-owner" : "made-developer",
                () -> api.patch(Service.APPS, Context.developerOrg(orgId), base(orgId) + "/" + memberId,
                        Map.of("role", "owner".equals(role) ? "owner" : "developer")));
    }

    @POST
    @Path("/{memberId}/invitation")
    public Response inviteAgain(@PathParam("developerOrgId") UUID orgId, @PathParam("memberId") UUID memberId) {
        return refusedOrDone(orgId, "invited-again", () -> api.post(Service.APPS, Context.developerOrg(orgId),
                base(orgId) + "/" + memberId + "/invitation", Map.of()));
    }

    @POST
    @Path("/{memberId}/remove")
    public Response remove(@PathParam("developerOrgId") UUID orgId, @PathParam("memberId") UUID memberId) {
        return refusedOrDone(orgId, "removed", () -> {
            api.delete(Service.APPS, Context.developerOrg(orgId), base(orgId) + "/" + memberId);
            return Map.of();
        });
    }

    /** The change, then the organization page saying so; a refusal (the last owner) said on the same page. */
    private Response refusedOrDone(UUID orgId, String done, Supplier<Map<String, Object>> change) {
        try {
            change.get();
            return done(orgId, done);
        } catch (ApiProblem problem) {
            if (problem.status() == 409) {
                return Response.status(409).entity(overview.page(orgId, OrgPageState.memberRefused(problem))).build();
            }
            throw problem;
        }
    }

    private static Response done(UUID orgId, String done) {
        return Response.seeOther(URI.create("/developer-orgs/" + orgId + "?done=" + done)).build();
    }

    private static String base(UUID orgId) {
        return "/developer-orgs/" + orgId + "/members";
    }
}
