package dev.gatehouse.token.clientadmin;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.token.ClientCreated;
import dev.gatehouse.events.token.ServiceAccountChanged;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenRevoked;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.client.Client;
import dev.gatehouse.token.client.ClientCache;
import dev.gatehouse.token.client.ClientOwner;
import dev.gatehouse.token.client.ClientRepository;
import dev.gatehouse.token.client.ClientSecretRepository;
import dev.gatehouse.token.client.ServicePermissions;
import dev.gatehouse.token.clientadmin.ClientResponses.ClientView;
import dev.gatehouse.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * What every change to a client shares: finding it under its owner, stamping who changed it, and the event that
 * commits with the change (which is also when this replica's cached copy is dropped).
 */
@ApplicationScoped
public class ClientChanges {

    private final ClientRepository clients;
    private final ClientSecretRepository secrets;
    private final OutboxWriter outbox;
    private final ClientCache cache;
    private final Clock clock;

    public ClientChanges(ClientRepository clients, ClientSecretRepository secrets, OutboxWriter outbox,
            ClientCache cache, Clock clock) {
        this.clients = clients;
        this.secrets = secrets;
        this.outbox = outbox;
        this.cache = cache;
        this.clock = clock;
    }

    /** The owner's client, or 404: another owner's client is as unknown as one that does not exist. */
    Uni<Client> find(ClientOwner owner, String clientId) {
        return clients.findOwned(owner.type(), owner.id(), clientId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Client", clientId));
    }

    Uni<ClientView> view(Client c) {
        return secrets.ofClient(c.clientId).map(s -> ClientView.of(c, s));
    }

    void touch(Client c, Actor actor) {
        c.touch(actor.id(), now());
    }

    /** Microseconds: what PostgreSQL keeps, so a value read back equals the one written. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Every change emits an event, so this is also where this replica's cached copy is dropped. That happens just
     * before the commit; a grant slipping in between may cache the old state, which the change feed's
     * announcement after the commit drops again (ClientCache).
     */
    <P> Uni<Void> emit(EventType<P> type, Client c, Actor actor, P payload) {
        cache.invalidate(c.clientId);
        Uni<Void> emitted = outbox.append(EventEnvelope.of(type, TokenService.NAME, c.owner().companyId(), actor,
                c.clientId, payload));
        // A service account's directory user follows every change to the account's name or status, with the
        // change and in its transaction, so no change can forget it.
        return LIFECYCLE.contains(type.name()) && c.isServiceAccount()
                ? emitted.call(() -> announce(c, actor, type == TokenEvents.CLIENT_DELETED)) : emitted;
    }

    /** Client events that change what a service account's directory user looks like. */
    private static final Set<String> LIFECYCLE = Set.of(TokenEvents.CLIENT_CREATED.name(),
            TokenEvents.CLIENT_UPDATED.name(), TokenEvents.CLIENT_DISABLED.name(), TokenEvents.CLIENT_ENABLED.name(),
            TokenEvents.CLIENT_DELETED.name());

    /**
     * The service account's whole state for directory-service ({@code ServiceAccountChanged}, the next revision):
     * its user, name, permissions and projects, active, disabled or deleted.
     */
    Uni<Void> announce(Client c, Actor actor, boolean deleted) {
        c.serviceRevision++;
        ServicePermissions p = ServicePermissions.of(c);
        String status = deleted ? ServiceAccountChanged.DELETED
                : c.enabled ? ServiceAccountChanged.ACTIVE : ServiceAccountChanged.DISABLED;
        return outbox.append(EventEnvelope.of(TokenEvents.SERVICE_ACCOUNT_CHANGED, TokenService.NAME,
                c.owner().companyId(), actor, c.clientId, new ServiceAccountChanged(c.clientId, c.serviceRevision,
                        c.ownerId, c.name, c.serviceUserId, status, p.company(), p.project(), p.projectIds(),
                        p.highRisk())));
    }

    /** A new client's event; it names no secret (those have their own events). */
    static ClientCreated created(Client c) {
        return new ClientCreated(c.clientId, c.name, c.ownerType, c.ownerId, c.grantTypeList(), c.scopeList(),
                c.tokenLifetimeSeconds, c.signingAlgorithm);
    }

    /**
     * Cuts off every token the client holds, and tells every resource server (they refuse tokens issued before
     * the cutoff). Inside the caller's transaction, so the cutoff and its event commit together.
     */
    Uni<Void> revokeAll(Client c, String reason, Actor actor) {
        Instant cutoff = c.cutOffTokens(now());
        return emit(TokenEvents.TOKEN_REVOKED, c, actor, TokenRevoked.allBefore(c.clientId, cutoff, reason,
                c.owner().companyId()));
    }

    /**
     * A platform client may be disabled or deleted only while another enabled one remains: otherwise nobody could
     * administer the platform again short of editing the database (runbook in docs/security.md).
     */
    Uni<Void> requireAnotherWayIn(Client c) {
        if (!Client.OWNER_PLATFORM.equals(c.ownerType) || !c.enabled) {
            return Uni.createFrom().voidItem();
        }
        return clients.otherEnabledPlatformClients(c.clientId).invoke(others -> {
            if (others == 0) {
                throw ProblemException.of(409, "last-platform-client", "The last enabled platform client",
                        "Client " + c.clientId + " is the only enabled platform-admin client. Create another "
                                + "(POST /platform-clients) and use it before disabling or deleting this one.");
            }
        }).replaceWithVoid();
    }
}
