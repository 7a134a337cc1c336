package dev.gatehouse.token.client;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** A client's secrets. */
@ApplicationScoped
public class ClientSecretRepository implements PanacheRepositoryBase<ClientSecret, UUID> {

    public Uni<List<ClientSecret>> ofClient(String clientId) {
        return list("clientId = ?1 order by createdAt", clientId);
    }

    public Uni<List<ClientSecret>> ofClients(List<String> clientIds) {
        return clientIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("clientId in ?1 order by createdAt", clientIds);
    }
}
