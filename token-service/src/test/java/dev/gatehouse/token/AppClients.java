package dev.gatehouse.token;

import dev.gatehouse.events.Actor;
import dev.gatehouse.token.client.Client;
import dev.gatehouse.token.client.ClientOwner;
import dev.gatehouse.token.client.ClientRequests;
import dev.gatehouse.token.client.ClientResponses;
import dev.gatehouse.token.client.ClientService;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.VertxContextSupport;

import java.util.List;
import java.util.UUID;

/**
 * App clients for tests. In the running system app-management events create them (the apps issue); until then a
 * test creates one through the same {@link ClientService} those events will use.
 */
public final class AppClients {

    private AppClients() {
    }

    public static ClientResponses.Created createFor(UUID developerOrgId) {
        ClientService clients = Arc.container().instance(ClientService.class).get();
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
