package dev.gatehouse.console.company;

import dev.gatehouse.console.api.Api;
import dev.gatehouse.console.api.Service;
import dev.gatehouse.console.session.Context;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** A company's start page: what its admins and members can do there. */
@Path("/companies/{companyId}")
@Produces(MediaType.TEXT_HTML)
public class CompanyResource {

    private final CompanyFrames frames;
    private final Api api;
    private final Template company;

    public CompanyResource(CompanyFrames frames, Api api, @Location("company.html") Template company) {
        this.frames = frames;
        this.api = api;
        this.company = company;
    }

    @GET
    public TemplateInstance overview(@PathParam("companyId") UUID companyId) {
        Context here = Context.company(companyId);
        return company.data("frame", frames.of(companyId, "Overview", "overview"))
                .data("projects", api.list(Service.DIRECTORY, here, "/companies/" + companyId
                        + "/projects?status=active&limit=100"));
    }
}
