package dev.gatehouse.token.clientadmin;

import dev.gatehouse.events.Actor;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.client.Client;
import dev.gatehouse.token.client.ClientRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Service accounts that existed before they had directory users (migration V15 gave them a user id) are announced
 * once at start ({@code ServiceAccountChanged} revision 1), so their users appear and their tokens, which now act
 * as those users, keep working. Replicas starting together may both announce revision 1: the directory applies
 * one and ignores the other.
 */
@ApplicationScoped
public class ServiceAccountUsersBackfill {

    private static final Logger LOG = Logger.getLogger(ServiceAccountUsersBackfill.class);

    private final ClientRepository clients;
    private final ClientChanges changes;

    public ServiceAccountUsersBackfill(ClientRepository clients, ClientChanges changes) {
        this.clients = clients;
        this.changes = changes;
    }

    void onStart(@Observes @Priority(2100) StartupEvent event) throws Throwable {
        Actor system = Actor.system(TokenService.NAME);
        int announced = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> clients
                .list("ownerType = ?1 and legacyAccountId is null and serviceRevision = 0", Client.OWNER_COMPANY)
                .chain((List<Client> waiting) -> Multi.createFrom().iterable(waiting).onItem()
                        .transformToUniAndConcatenate(c -> changes.announce(c, system, false)).collect().asList()
                        .replaceWith(waiting.size()))));
        if (announced > 0) {
            LOG.infof("announced %d service accounts to the directory", announced);
        }
    }
}
