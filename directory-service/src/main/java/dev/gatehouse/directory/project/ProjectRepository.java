package dev.gatehouse.directory.project;

import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Projects, always read within one company. */
@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    public Uni<Project> findInCompany(UUID companyId, UUID projectId) {
        return find("companyId = ?1 and id = ?2", companyId, projectId).firstResult();
    }

    public Uni<Boolean> nameTaken(UUID companyId, String name, UUID except) {
        return count("companyId = ?1 and lower(name) = lower(?2) and id <> ?3", companyId, name,
                except == null ? new UUID(0, 0) : except).map(n -> n > 0);
    }

    /** A page of the company's projects; {@code only}, when not null, limits it to those ids. */
    public Uni<List<Project>> page(UUID companyId, ProjectStatus status, Set<UUID> only, PageRequest request) {
        if (only != null && only.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder where = new StringBuilder("companyId = :company");
        Map<String, Object> params = new HashMap<>();
        params.put("company", companyId);
        if (only != null) {
            where.append(" and id in :only");
            params.put("only", only);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        request.appendKeyset(where, params, "createdAt", "id", false);
        return find(where + " order by createdAt, id", params).range(0, request.fetchSize() - 1).list();
    }
}
