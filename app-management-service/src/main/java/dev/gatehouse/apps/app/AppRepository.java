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

    /** A page of marketplace apps whose listing is in {@code status}, oldest first: the review queue. */
    public Uni<List<App>> withListing(ListingStatus status, PageRequest request) {
        StringBuilder where = new StringBuilder("kind = :marketplace and listingStatus = :status");
        Map<String, Object> params = new HashMap<>();
        params.put("marketplace", AppKind.marketplace);
        params.put("status", status);
        request.appendKeyset(where, params, "createdAt", "id", false);
        return find(where + " order by createdAt, id", params).range(0, request.fetchSize() - 1).list();
    }
}
