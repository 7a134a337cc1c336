package dev.gatehouse.console.home;

import dev.gatehouse.console.api.Api;
import dev.gatehouse.console.api.Service;
import dev.gatehouse.console.session.Context;
import dev.gatehouse.console.web.Frames;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The start page: where the signed-in person may act (their companies and developer organizations). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    private final Api api;
    private final Frames frames;
    private final Template home;

    public HomeResource(Api api, Frames frames, @Location("home.html") Template home) {
        this.api = api;
        this.frames = frames;
        this.home = home;
    }

    @GET
    public TemplateInstance home() {
        return home.data("frame", frames.of("Start"))
                .data("companies", api.list(Service.DIRECTORY, Context.NONE, "/companies?limit=100"))
                .data("orgs", api.list(Service.APPS, Context.NONE, "/developer-orgs?limit=100"));
    }
}
