package dev.gatehouse.directory.user;

import dev.gatehouse.web.problem.ProblemException;

/**
 * The refusal for changing an app user through the directory API. The seed (Procore) only warns that such edits
 * break the app; we refuse, and say where the change belongs.
 */
public final class AppManaged {

    private AppManaged() {
    }

    /** Throws a 409 problem when {@code user} is an app user. */
    public static void refuseChangeTo(DirectoryUser user) {
        if (user.isApp()) {
            throw ProblemException.of(409, "app-managed", "Managed by an installation",
                    "User " + user.id + " (" + user.name + ") is the app user of installation " + user.installationId
                            + ". Its permissions, projects and status follow that installation; change the "
                            + "installation in app-management-service instead.");
        }
    }
}
