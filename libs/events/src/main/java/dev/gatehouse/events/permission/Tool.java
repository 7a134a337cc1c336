package dev.gatehouse.events.permission;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tools permissions are granted on (seed 000: Procore's tools). Each can be granted at company level, and
 * those marked {@code projectLevel} also per project. Part of the published language, like {@link AccessLevel}.
 */
public enum Tool {
    DIRECTORY("directory", "Directory", "People and companies: users, their permissions, project membership",
            true),
    PROJECTS("projects", "Projects", "The company's projects: create, rename, archive", false),
    DOCUMENTS("documents", "Documents", "Files and folders of a project", true),
    RFIS("rfis", "RFIs", "Requests for information and their answers", true),
    SUBMITTALS("submittals", "Submittals", "Submittals and their review workflow", true),
    BUDGET("budget", "Budget", "Budgets, cost codes and changes to them", true);

    private final String wireName;
    private final String title;
    private final String description;
    private final boolean projectLevel;

    Tool(String wireName, String title, String description, boolean projectLevel) {
        this.wireName = wireName;
        this.title = title;
        this.description = description;
        this.projectLevel = projectLevel;
    }

    public String wireName() {
        return wireName;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Whether a permission on this tool can be given per project (all tools can be given company-wide). */
    public boolean projectLevel() {
        return projectLevel;
    }

    public static Optional<Tool> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static List<Tool> all() {
        return List.of(values());
    }
}
