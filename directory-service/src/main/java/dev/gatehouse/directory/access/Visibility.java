package dev.gatehouse.directory.access;

import dev.gatehouse.web.problem.ProblemException;

import java.util.Set;
import java.util.UUID;

/**
 * Which of a company's projects a caller may see: all of them for people, only its permitted projects (the
 * projects its app user is a member of) for an app, and of those only the person's own for an app acting for a
 * member.
 *
 * @param projects the visible projects, or null for all
 */
public record Visibility(Set<UUID> projects) {

    public static final Visibility ALL = new Visibility(null);

    public boolean sees(UUID projectId) {
        return projects == null || projects.contains(projectId);
    }

    /** A 403 problem unless the caller sees {@code projectId}. */
    public void require(UUID projectId) {
        if (!sees(projectId)) {
            throw ProblemException.forbidden("Project " + projectId + " is not one of this installation's "
                    + "permitted projects (for an app acting for a person: of those the person is a member of, too)");
        }
    }
}
