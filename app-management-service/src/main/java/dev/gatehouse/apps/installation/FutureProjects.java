package dev.gatehouse.apps.installation;

import dev.gatehouse.events.Actor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Adds a newly created project to every installation of its company that asked for future projects too. */
@ApplicationScoped
public class FutureProjects {

    private final InstallationRepository installations;
    private final InstallationService service;
    private final PermittedProjects permitted;

    public FutureProjects(InstallationRepository installations, InstallationService service,
            PermittedProjects permitted) {
        this.installations = installations;
        this.service = service;
        this.permitted = permitted;
    }

    /** Inside the caller's transaction (the consumer's), with the directory event's actor. */
    public Uni<Void> add(UUID companyId, UUID projectId, Actor actor) {
        return installations.followingFutureProjects(companyId).chain(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Installation i : list) {
                if (i.projectIds.contains(projectId)) {
                    continue;
                }
                List<UUID> next = new ArrayList<>(i.projectIds);
                next.add(projectId);
                chain = chain.chain(() -> service.current(companyId, i.id))
                        .chain(found -> permitted.change(found, i.projectAccess, next, actor)).replaceWithVoid();
            }
            return chain;
        });
    }
}
