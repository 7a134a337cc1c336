package dev.gatehouse.apps.installation;

import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * Permitted projects: {@code projectIds} to add (POST), or the whole choice (PUT: {@code projectAccess}, and
 * {@code projectIds} for {@code selected}).
 */
public record ProjectsBody(ProjectAccess projectAccess,
        @Size(max = 1000, message = "may list at most 1000 projects") List<UUID> projectIds) {
}
