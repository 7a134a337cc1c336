package dev.gatehouse.console.developer;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** A developer organization's start page ({@link DeveloperOrgPage}). */
@Path("/developer-orgs/{developerOrgId}")
@Produces(MediaType.TEXT_HTML)
public class DeveloperOrgResource {

    private final DeveloperOrgPage page;

    public DeveloperOrgResource(DeveloperOrgPage page) {
        this.page = page;
    }

    @GET
    public TemplateInstance overview(@PathParam("developerOrgId") UUID developerOrgId,
            @QueryParam("done") String done) {
        return page.page(developerOrgId, OrgPageState.done(done));
    }
}
