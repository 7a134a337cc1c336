package dev.gatehouse.events.directory;

import dev.gatehouse.events.EventType;
import dev.gatehouse.events.Topics;

import java.util.List;

/** Events published by directory-service. */
public final class DirectoryEvents {

    public static final String COMPANY = "Company";
    public static final String PROJECT = "Project";

    public static final EventType<CompanyCreated> COMPANY_CREATED =
            new EventType<>("CompanyCreated", 1, Topics.DIRECTORY_COMPANY, COMPANY, CompanyCreated.class);
    public static final EventType<ProjectCreated> PROJECT_CREATED =
            new EventType<>("ProjectCreated", 1, Topics.DIRECTORY_PROJECT, PROJECT, ProjectCreated.class);
    public static final EventType<ProjectRenamed> PROJECT_RENAMED =
            new EventType<>("ProjectRenamed", 1, Topics.DIRECTORY_PROJECT, PROJECT, ProjectRenamed.class);
    public static final EventType<ProjectArchived> PROJECT_ARCHIVED =
            new EventType<>("ProjectArchived", 1, Topics.DIRECTORY_PROJECT, PROJECT, ProjectArchived.class);

    public static final List<EventType<?>> ALL =
            List.of(COMPANY_CREATED, PROJECT_CREATED, PROJECT_RENAMED, PROJECT_ARCHIVED);

    private DirectoryEvents() {
    }
}
