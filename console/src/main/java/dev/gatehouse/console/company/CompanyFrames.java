package dev.gatehouse.console.company;

import dev.gatehouse.console.api.Api;
import dev.gatehouse.console.api.Service;
import dev.gatehouse.console.session.Context;
import dev.gatehouse.console.web.Frame;
import dev.gatehouse.console.web.Frames;
import jakarta.enterprise.context.RequestScoped;

import java.util.Map;
import java.util.UUID;

/**
 * The frame of a page inside a company: its name in the heading and the company's navigation. Reading the company
 * as the person is also the check that they may be there (403 otherwise, from directory-service).
 */
@RequestScoped
public class CompanyFrames {

    private final Api api;
    private final Frames frames;

    public CompanyFrames(Api api, Frames frames) {
        this.api = api;
        this.frames = frames;
    }

    public Frame of(UUID companyId, String title, String section) {
        Map<String, Object> company = api.get(Service.DIRECTORY, Context.company(companyId), "/companies/" + companyId);
        return frames.of(title, new Frame.Place("company", companyId.toString(), String.valueOf(company.get("name")),
                section));
    }
}
