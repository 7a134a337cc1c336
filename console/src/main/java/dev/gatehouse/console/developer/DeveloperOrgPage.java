package dev.gatehouse.console.developer;

import dev.gatehouse.console.api.Api;
import dev.gatehouse.console.api.Service;
import dev.gatehouse.console.session.Context;
import dev.gatehouse.console.web.Frame;
import dev.gatehouse.console.web.Frames;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;

/**
 * A developer organization's start page: its apps and its members, read with the person's token for that
 * organization (app-management-service decides who is a developer there), with what was just done or refused.
 */
@ApplicationScoped
public class DeveloperOrgPage {

    private final Api api;
    private final Frames frames;
    private final Template org;

    public DeveloperOrgPage(Api api, Frames frames, @Location("developer-org.html") Template org) {
        this.api = api;
        this.frames = frames;
        this.org = org;
    }

    /** The page, with the person's companies for a company-owned app, and what was just done or refused. */
    TemplateInstance page(UUID developerOrgId, OrgPageState state) {
        Context here = Context.developerOrg(developerOrgId);
        Map<String, Object> found = api.get(Service.APPS, here, "/developer-orgs/" + developerOrgId);
        Frame frame = frames.of("Overview", new Frame.Place("developer-org", developerOrgId.toString(),
                String.valueOf(found.get("name")), "overview"));
        return org.data("frame", frame).data("state", state)
                .data("companies", api.list(Service.DIRECTORY, Context.NONE, "/companies?limit=100"))
                .data("apps", api.list(Service.APPS, here, "/apps?limit=100").stream()
                        .filter(a -> developerOrgId.toString().equals(a.get("developerOrgId"))).toList())
                .data("members", api.list(Service.APPS, here, "/developer-orgs/" + developerOrgId
                        + "/members?limit=100"));
    }
}
