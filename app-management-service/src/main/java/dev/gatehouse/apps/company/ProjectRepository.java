package dev.gatehouse.apps.company;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    /** The company's projects that take changes (not archived). */
    public Uni<List<Project>> openProjects(UUID companyId) {
        return list("companyId = ?1 and archived = false order by id", companyId);
    }

    public Uni<List<Project>> ofCompany(UUID companyId, Collection<UUID> ids) {
        return list("companyId = ?1 and id in ?2", companyId, ids);
    }
}
