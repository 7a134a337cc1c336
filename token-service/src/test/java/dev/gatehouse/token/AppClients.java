package dev.gatehouse.token;

import dev.gatehouse.events.Actor;
import dev.gatehouse.token.client.Client;
import dev.gatehouse.token.client.ClientOwner;
import dev.gatehouse.token.clientadmin.ClientRegistration;
import dev.gatehouse.token.clientadmin.ClientRequests;
import dev.gatehouse.token.clientadmin.ClientResponses;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.VertxContextSupport;

import java.util.List;
import java.util.UUID;

/**
 * App clients for tests. In the running system {@code AppRegistered} creates them without a secret
 * ({@code ManagedClients}) and a developer adds one; a test that only needs a developer organization's client with
 * a secret makes both in one step here.
 */
public final class AppClients {

    private AppClients() {
    }

    public static ClientResponses.Created createFor(UUID developerOrgId) {
        ClientRegistration clients = Arc.container().instance(ClientRegistration.class).get();
        try {
            return VertxContextSupport.subscribeAndAwait(() -> clients.create(
                    new ClientOwner(Client.OWNER_DEVELOPER_ORG, developerOrgId),
                    new ClientRequests.Create("app " + UUID.randomUUID(), null, List.of("projects.read"), null, null,
                            null, null),
                    Actor.system("test")));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
