package dev.gatehouse.token.clientadmin;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.apps.AppClientIds;
import dev.gatehouse.events.apps.AppRegistered;
import dev.gatehouse.events.apps.AppUpdated;
import dev.gatehouse.events.apps.LegacyServiceAccountState;
import dev.gatehouse.events.token.ClientDeleted;
import dev.gatehouse.events.token.ClientUpdated;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.token.TokenConfig;
import dev.gatehouse.token.client.Client;
import dev.gatehouse.token.client.ClientOwner;
import dev.gatehouse.token.client.ClientRepository;
import dev.gatehouse.token.oauth.GrantTypes;
import dev.gatehouse.web.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Clients that follow another service's records, changed only by its events (inside the consuming transaction):
 * an app's client (app-management's apps) and a legacy service account's client. They start without a secret:
 * the people entitled to one add it, the only time they see it.
 */
@ApplicationScoped
public class ManagedClients {

    private final ClientRepository clients;
    private final ClientChanges changes;
    private final TokenConfig config;

    public ManagedClients(ClientRepository clients, ClientChanges changes, TokenConfig config) {
        this.clients = clients;
        this.changes = changes;
        this.config = config;
    }

    /**
     * The OAuth client of a newly registered app, owned by its developer organization, created once. Its developers
     * add the first secret with {@code POST /clients/{clientId}/secrets}. Its tokens' scopes and permissions come
     * from each company's installation, so the client itself allows no scopes.
     */
    public Uni<Void> registerApp(AppRegistered app, Actor actor) {
        ClientOwner owner = new ClientOwner(Client.OWNER_DEVELOPER_ORG, app.developerOrgId());
        return clients.findById(app.clientId()).chain(existing -> existing != null ? Uni.createFrom().voidItem()
                : freeName(owner, app.name(), app.clientId()).chain(name -> persist(Client.register(app.clientId(),
                        name, app.description(), owner, List.of(), defaultLifetime(), config.defaultSigningAlgorithm(),
                        actor.id(), changes.now()), actor)));
    }

    /**
     * A renamed or redescribed app's client follows, so the name it had is free again for another app of the
     * organization. Nothing happens for an app whose client is not here yet: its {@code AppRegistered} carries the
     * name it has by then.
     */
    public Uni<Void> updateApp(AppUpdated app, Actor actor) {
        ClientOwner owner = new ClientOwner(Client.OWNER_DEVELOPER_ORG, app.developerOrgId());
        String clientId = AppClientIds.of(app.appId());
        return clients.findById(clientId).chain(c -> {
            if (c == null || !Client.OWNER_DEVELOPER_ORG.equals(c.ownerType)) {
                return Uni.createFrom().voidItem();
            }
            return freeName(owner, app.name(), clientId).chain(name -> {
                c.name = name;
                c.description = app.description();
                changes.touch(c, actor);
                return clients.flush().call(() -> changes.emit(TokenEvents.CLIENT_UPDATED, c, actor,
                        new ClientUpdated(c.clientId, c.name, c.description, c.scopeList(), c.tokenLifetimeSeconds)));
            });
        });
    }

    /**
     * A published version's redirect URIs become the app client's (the newest version speaks for the app), and with
     * them the authorization code and refresh token grants, so people can authorize the app for themselves (docs/
     * security.md, "Apps acting for people"). A version without redirect URIs takes the grants away again. Versions
     * may arrive out of order only across apps, never within one (one key per app), so the newest event wins.
     */
    public Uni<Void> publishVersion(String clientId, List<String> redirectUris, Actor actor) {
        return clients.findById(clientId).chain(c -> {
            if (c == null || !Client.OWNER_DEVELOPER_ORG.equals(c.ownerType)) {
                return Uni.createFrom().voidItem();
            }
            List<String> uris = redirectUris == null ? List.of() : redirectUris;
            String grants = uris.isEmpty() ? GrantTypes.CLIENT_CREDENTIALS : String.join(" ",
                    GrantTypes.CLIENT_CREDENTIALS, GrantTypes.AUTHORIZATION_CODE, GrantTypes.REFRESH_TOKEN);
            String joined = String.join(" ", uris);
            if (joined.equals(c.redirectUris) && grants.equals(c.grantTypes)) {
                return Uni.createFrom().voidItem();
            }
            c.redirectUris = joined;
            c.grantTypes = grants;
            changes.touch(c, actor);
            return clients.flush().replaceWithVoid();
        });
    }

    /**
     * The company client of a legacy service account, created once with no secret and no scopes. The company's
     * admins add the secret with {@code POST /companies/{companyId}/service-accounts/{clientId}/secrets} and hand it
     * to the developer: the insecure hand-over that makes this model deprecated. Named after the account; when a
     * service account of the company already has that name, the account id's first characters tell them apart.
     */
    public Uni<Void> registerLegacy(LegacyServiceAccountState account, Actor actor) {
        ClientOwner owner = ClientOwner.company(account.companyId());
        return clients.findById(account.clientId()).chain(existing -> {
            if (existing != null || !account.active()) {
                return Uni.createFrom().voidItem();
            }
            return clients.nameTaken(owner.type(), owner.id(), account.name(), null).chain(taken -> {
                String name = taken ? account.name() + " (" + account.accountId().toString().substring(0, 8) + ")"
                        : account.name();
                Client c = Client.register(account.clientId(), name,
                        "Legacy service account (deprecated): migrate it to an app installation", owner, List.of(),
                        defaultLifetime(), config.defaultSigningAlgorithm(), actor.id(), changes.now());
                c.legacyAccountId = account.accountId();
                c.legacyUserId = account.userId();
                return persist(c, actor);
            });
        });
    }

    /**
     * Once a legacy service account is migrated or deleted its client goes, with its secrets, so its credentials
     * get nothing more and its tokens stop introspecting as active.
     */
    public Uni<Void> removeLegacy(LegacyServiceAccountState account, Actor actor) {
        if (account.active()) {
            return Uni.createFrom().voidItem();
        }
        return clients.findById(account.clientId()).chain(c -> c == null ? Uni.createFrom().voidItem()
                : changes.emit(TokenEvents.CLIENT_DELETED, c, actor, new ClientDeleted(c.clientId))
                        .call(() -> changes.revokeAll(c, "client_deleted", actor))
                        .chain(() -> clients.delete(c)));
    }

    /** The owner of an app client (owned by a developer organization); 404 for any other client. */
    @WithSession
    public Uni<ClientOwner> appClientOwner(String clientId) {
        return clients.findById(clientId).map(c -> {
            if (c == null || !Client.OWNER_DEVELOPER_ORG.equals(c.ownerType)) {
                throw ProblemException.notFound("Client", clientId);
            }
            return c.owner();
        });
    }

    private Uni<Void> persist(Client c, Actor actor) {
        return clients.persistAndFlush(c)
                .call(() -> changes.emit(TokenEvents.CLIENT_CREATED, c, actor, ClientChanges.created(c)))
                .replaceWithVoid();
    }

    /**
     * {@code wanted}, or, when another client of the owner already has it (events of two apps can arrive in
     * either order), {@code wanted} marked with this client's id; either way within the 200-character column.
     */
    private Uni<String> freeName(ClientOwner owner, String wanted, String clientId) {
        return clients.nameTaken(owner.type(), owner.id(), wanted, clientId).map(taken -> {
            if (!taken) {
                return wanted;
            }
            String suffix = " (" + clientId + ")";
            return wanted.substring(0, Math.min(wanted.length(), Client.MAX_NAME - suffix.length())) + suffix;
        });
    }

    private int defaultLifetime() {
        return (int) config.defaultTokenLifetime().toSeconds();
    }
}
