package dev.gatehouse.token.client;

import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Clients, by id or by owner. The platform's own clients have no owner id. */
@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<Client, String> {

    public Uni<Client> findOwned(String ownerType, UUID ownerId, String clientId) {
        Map<String, Object> params = owner(ownerType, ownerId);
        params.put("id", clientId);
        return find("clientId = :id and " + ownerClause(ownerId), params).firstResult();
    }

    public Uni<Boolean> nameTaken(String ownerType, UUID ownerId, String name, String except) {
        Map<String, Object> params = owner(ownerType, ownerId);
        params.put("name", name);
        params.put("except", except == null ? "" : except);
        return count(ownerClause(ownerId) + " and lower(name) = lower(:name) and clientId <> :except", params)
                .map(n -> n > 0);
    }

    /** Enabled platform clients other than this one: the platform must keep at least one way in. */
    public Uni<Long> otherEnabledPlatformClients(String clientId) {
        return count("ownerType = ?1 and enabled = true and clientId <> ?2", Client.OWNER_PLATFORM, clientId);
    }

    public Uni<List<Client>> page(String ownerType, UUID ownerId, PageRequest request) {
        StringBuilder where = new StringBuilder(ownerClause(ownerId));
        Map<String, Object> params = owner(ownerType, ownerId);
        request.appendKeysetTextId(where, params, "createdAt", "clientId", false);
        return find(where + " order by createdAt, clientId", params).range(0, request.fetchSize() - 1).list();
    }

    private static String ownerClause(UUID ownerId) {
        return ownerId == null ? "ownerType = :type and ownerId is null" : "ownerType = :type and ownerId = :owner";
    }

    private static Map<String, Object> owner(String ownerType, UUID ownerId) {
        Map<String, Object> params = new HashMap<>();
        params.put("type", ownerType);
        if (ownerId != null) {
            params.put("owner", ownerId);
        }
        return params;
    }
}
