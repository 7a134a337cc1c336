package dev.gatehouse.directory.membership;

import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Project memberships. */
@ApplicationScoped
public class ProjectMemberRepository implements PanacheRepositoryBase<ProjectMember, ProjectMember.Key> {

    public Uni<ProjectMember> find(UUID projectId, UUID userId) {
        return findById(new ProjectMember.Key(projectId, userId));
    }

    public Uni<List<ProjectMember>> ofUser(UUID userId) {
        return list("userId", userId);
    }

    /** A project's members, oldest first, paged by (addedAt, userId). */
    public Uni<List<ProjectMember>> page(UUID projectId, PageRequest request) {
        StringBuilder where = new StringBuilder("projectId = :project");
        Map<String, Object> params = new HashMap<>();
        params.put("project", projectId);
        request.appendKeyset(where, params, "addedAt", "userId", false);
        return find(where + " order by addedAt, userId", params).range(0, request.fetchSize() - 1).list();
    }
}
