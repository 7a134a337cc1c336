package dev.gatehouse.token.client;

import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Clients, by id or by owner. */
@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<Client, String> {

    public Uni<Client> findOwned(String ownerType, UUID ownerId, String clientId) {
        return find("clientId = ?1 and ownerType = ?2 and ownerId = ?3", clientId, ownerType, ownerId)
                .firstResult();
    }

    public Uni<Boolean> nameTaken(String ownerType, UUID ownerId, String name, String except) {
        return count("ownerType = ?1 and ownerId = ?2 and lower(name) = lower(?3) and clientId <> ?4",
                ownerType, ownerId, name, except == null ? "" : except).map(n -> n > 0);
    }

    public Uni<List<Client>> page(String ownerType, UUID ownerId, PageRequest request) {
        StringBuilder where = new StringBuilder("ownerType = :type and ownerId = :owner");
        Map<String, Object> params = new HashMap<>();
        params.put("type", ownerType);
        params.put("owner", ownerId);
        request.appendKeysetTextId(where, params, "createdAt", "clientId", false);
        return find(where + " order by createdAt, clientId", params).range(0, request.fetchSize() - 1).list();
    }
}
