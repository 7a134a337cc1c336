package dev.gatehouse.apps.developerorg;

import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Developer organizations. */
@ApplicationScoped
public class DeveloperOrgRepository implements PanacheRepositoryBase<DeveloperOrg, UUID> {

    public Uni<Boolean> nameTaken(String name) {
        return count("lower(name) = lower(?1)", name).map(n -> n > 0);
    }

    /** A page of organizations; {@code only}, when not null, limits it to that one. */
    public Uni<List<DeveloperOrg>> page(PageRequest request, UUID only) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (only != null) {
            where.append(" and id = :only");
            params.put("only", only);
        }
        return page(request, where, params);
    }

    /** A page of the organizations where this person's account is an active member. */
    public Uni<List<DeveloperOrg>> pageOfMember(PageRequest request, UUID accountId) {
        StringBuilder where = new StringBuilder("id in (select m.developerOrgId from OrgMember m"
                + " where m.accountId = :account and m.status = 'active')");
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        return page(request, where, params);
    }

    private Uni<List<DeveloperOrg>> page(PageRequest request, StringBuilder where, Map<String, Object> params) {
        request.appendKeyset(where, params, "createdAt", "id", false);
        return find(where + " order by createdAt, id", params).range(0, request.fetchSize() - 1).list();
    }
}
