package dev.gatehouse.apps.app;

import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Apps. */
@ApplicationScoped
public class AppRepository implements PanacheRepositoryBase<App, UUID> {

    public Uni<Boolean> nameTaken(String name, UUID except) {
        return count("lower(name) = lower(?1) and id <> ?2", name, except == null ? new UUID(0, 0) : except)
                .map(n -> n > 0);
    }

    /** A page of apps, oldest first; {@code developerOrgId}, when not null, limits it to that organization's. */
    public Uni<List<App>> page(UUID developerOrgId, PageRequest request) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (developerOrgId != null) {
            where.append(" and developerOrgId = :org");
            params.put("org", developerOrgId);
        }
        request.appendKeyset(where, params, "createdAt", "id", false);
        return find(where + " order by createdAt, id", params).range(0, request.fetchSize() - 1).list();
    }

    /** A page of the apps a company can see (marketplace apps and its own) that have a published version. */
    public Uni<List<App>> catalogue(UUID companyId, PageRequest request) {
        StringBuilder where = new StringBuilder("(a.kind = :marketplace or a.owningCompanyId = :company) and exists ("
                + "select 1 from AppVersion v where v.appId = a.id and v.status = :published)");
        Map<String, Object> params = new HashMap<>();
        params.put("marketplace", AppKind.marketplace);
        params.put("company", companyId);
        params.put("published", dev.gatehouse.apps.version.VersionStatus.published);
        request.appendKeyset(where, params, "a.createdAt", "a.id", false);
        return find("from App a where " + where + " order by a.createdAt, a.id", params)
                .range(0, request.fetchSize() - 1).list();
    }
}
