package dev.gatehouse.apps.installation;

import dev.gatehouse.apps.company.CompanyDirectory;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.InstallationProjectsChanged;
import dev.gatehouse.web.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The projects an installation may act on, changed by an admin at any time. The list belongs to the installation,
 * not to a version, so upgrades and reinstalls keep it. Every change publishes {@code InstallationProjectsChanged}
 * with what was added and removed; the directory and new tokens follow within moments.
 */
@ApplicationScoped
public class PermittedProjects {

    private final InstallationService installations;
    private final InstallationRepository repository;
    private final CompanyDirectory directory;
    private final InstallationEvents events;

    public PermittedProjects(InstallationService installations, InstallationRepository repository,
            CompanyDirectory directory, InstallationEvents events) {
        this.installations = installations;
        this.repository = repository;
        this.directory = directory;
        this.events = events;
    }

    /** Replaces the choice: a list, or one of the "all" choices (resolved to the open projects now). */
    @WithTransaction
    public Uni<InstallationService.Installed> replace(UUID companyId, UUID installationId, ProjectAccess access,
            List<UUID> projectIds, Actor actor) {
        ProjectAccess chosen = access == null ? ProjectAccess.selected : access;
        if (chosen != ProjectAccess.selected && projectIds != null) {
            throw ProblemException.invalid("projectIds", "is only for projectAccess 'selected'");
        }
        return installations.current(companyId, installationId).chain(found -> {
            InstallationService.requireInstalled(found.installation());
            Uni<List<UUID>> ids = chosen == ProjectAccess.selected
                    ? directory.requireOpenProjects(companyId, projectIds == null ? List.of() : projectIds,
                    "projectIds")
                    : directory.openProjectIds(companyId);
            return ids.chain(resolved -> change(found, chosen, resolved, actor));
        });
    }

    @WithTransaction
    public Uni<InstallationService.Installed> add(UUID companyId, UUID installationId, List<UUID> projectIds,
            Actor actor) {
        return installations.current(companyId, installationId).chain(found -> {
            InstallationService.requireInstalled(found.installation());
            return directory.requireOpenProjects(companyId, projectIds, "projectIds").chain(added -> {
                Set<UUID> next = new LinkedHashSet<>(found.installation().projectIds);
                next.addAll(added);
                return change(found, found.installation().projectAccess, List.copyOf(next), actor);
            });
        });
    }

    @WithTransaction
    public Uni<InstallationService.Installed> remove(UUID companyId, UUID installationId, UUID projectId,
            Actor actor) {
        return installations.current(companyId, installationId).chain(found -> {
            InstallationService.requireInstalled(found.installation());
            List<UUID> next = new ArrayList<>(found.installation().projectIds);
            if (!next.remove(projectId)) {
                throw ProblemException.notFound("Permitted project", projectId);
            }
            return change(found, found.installation().projectAccess, next, actor);
        });
    }

    /** Inside the caller's transaction: sets the list and announces the difference, if there is one. */
    Uni<InstallationService.Installed> change(InstallationService.Installed found, ProjectAccess access,
            List<UUID> next, Actor actor) {
        Installation i = found.installation();
        List<UUID> added = next.stream().filter(id -> !i.projectIds.contains(id)).toList();
        List<UUID> removed = i.projectIds.stream().filter(id -> !next.contains(id)).toList();
        if (added.isEmpty() && removed.isEmpty() && access == i.projectAccess) {
            return Uni.createFrom().item(found);
        }
        i.projectAccess = access;
        i.projectIds = List.copyOf(next);
        i.touched(actor.id(), InstallationService.now());
        return repository.flush()
                .call(() -> events.publish(AppsEvents.INSTALLATION_PROJECTS_CHANGED, i, actor,
                        new InstallationProjectsChanged(InstallationEvents.stateOf(i, found.app()), added, removed)))
                .replaceWith(found);
    }
}
