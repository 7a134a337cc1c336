package dev.gatehouse.token.clientadmin;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.token.ClientDeleted;
import dev.gatehouse.events.token.ClientUpdated;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.token.TokenConfig;
import dev.gatehouse.token.client.Client;
import dev.gatehouse.token.client.ClientOwner;
import dev.gatehouse.token.client.ServicePermissions;
import dev.gatehouse.token.client.ClientRepository;
import dev.gatehouse.token.client.ClientSecretRepository;
import dev.gatehouse.token.clientadmin.ClientResponses.ClientView;
import dev.gatehouse.token.clientadmin.ClientResponses.Created;
import dev.gatehouse.token.company.KnownCompanyRepository;
import dev.gatehouse.token.oauth.FirstPartyScopes;
import dev.gatehouse.token.oauth.GrantTypes;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.problem.UniqueViolation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Clients that platform admins and company admins make themselves (platform clients and service accounts):
 * create (the first secret is shown once), read (never a secret), change, delete.
 */
@ApplicationScoped
public class ClientRegistration {

    /**
     * First-party clients sign with ES256 unless they ask for RS256: each sign-in and each refresh signs two tokens
     * (access and ID), and ES256 costs a small part of RS256 (docs/benchmarks.md, "People").
     */
    static final String FIRST_PARTY_ALGORITHM = "ES256";

    private final ClientRepository clients;
    private final ClientSecretRepository secrets;
    private final ClientSecrets secretIssuer;
    private final ClientChanges changes;
    private final TokenConfig config;
    private final KnownCompanyRepository companies;
    private final SecureRandom random = new SecureRandom();

    public ClientRegistration(ClientRepository clients, ClientSecretRepository secrets, ClientSecrets secretIssuer,
            ClientChanges changes, TokenConfig config, KnownCompanyRepository companies) {
        this.clients = clients;
        this.secrets = secrets;
        this.secretIssuer = secretIssuer;
        this.changes = changes;
        this.config = config;
        this.companies = companies;
    }

    @WithTransaction
    public Uni<Created> create(ClientOwner owner, ClientRequests.Create request, Actor actor) {
        String name = request.name().strip();
        Uni<Void> ownerExists = owner.companyId() == null ? Uni.createFrom().voidItem()
                : companies.require(owner.companyId());
        return ownerExists.chain(() -> requireFreeName(owner, name, null)).chain(() -> {
            Client c = Client.register(newClientId(owner), name, request.description(), owner,
                    distinct(request.scopes()),
                    request.tokenLifetimeSeconds() != null ? request.tokenLifetimeSeconds()
                            : (int) config.defaultTokenLifetime().toSeconds(),
                    request.signingAlgorithm() != null ? request.signingAlgorithm()
                            : config.defaultSigningAlgorithm(),
                    actor.id(), changes.now());
            c.jwks = ClientKeys.validJwks(request.jwks());
            c.jwksUri = ClientKeys.validJwksUri(request.jwksUri());
            if (c.isServiceAccount()) {
                // Its user in the company's directory, with no permissions until an admin gives some.
                c.serviceUserId = UUID.randomUUID();
                ServicePermissions.NONE.writeTo(c);
            }
            return clients.persist(c).chain(() -> clients.flush())
                    .call(() -> changes.emit(TokenEvents.CLIENT_CREATED, c, actor, ClientChanges.created(c)))
                    .chain(() -> secretIssuer.first(c, actor))
                    .map(added -> new Created(c.clientId, added.plain(), added.secret().id,
                            ClientView.of(c, List.of(added.secret()))));
        }).onFailure(UniqueViolation::is).transform(e -> duplicate(name));
    }

    /**
     * One of the platform's own applications people sign in to: the authorization code and refresh token grants,
     * exact redirect URIs, and a secret (shown once) unless it is a public client.
     */
    @WithTransaction
    public Uni<Created> createFirstParty(ClientRequests.FirstPartyCreate request, Actor actor) {
        String name = request.name().strip();
        boolean publicClient = Boolean.TRUE.equals(request.publicClient());
        List<String> redirects = RedirectUris.valid("redirectUris", request.redirectUris(), publicClient);
        List<String> logoutRedirects = RedirectUris.valid("postLogoutRedirectUris", request.postLogoutRedirectUris(),
                publicClient);
        ClientOwner owner = ClientOwner.FIRST_PARTY;
        return requireFreeName(owner, name, null).chain(() -> {
            Client c = Client.register(newClientId(owner), name, request.description(), owner,
                    List.of(FirstPartyScopes.OPENID, FirstPartyScopes.PROFILE, FirstPartyScopes.EMAIL,
                            FirstPartyScopes.OFFLINE_ACCESS),
                    (int) config.defaultTokenLifetime().toSeconds(), request.signingAlgorithm() != null
                            ? request.signingAlgorithm() : FIRST_PARTY_ALGORITHM, actor.id(), changes.now());
            c.grantTypes = GrantTypes.AUTHORIZATION_CODE + " " + GrantTypes.REFRESH_TOKEN;
            c.redirectUris = String.join(" ", redirects);
            c.postLogoutRedirectUris = String.join(" ", logoutRedirects);
            c.publicClient = publicClient;
            Uni<Created> stored = clients.persist(c).chain(() -> clients.flush())
                    .call(() -> changes.emit(TokenEvents.CLIENT_CREATED, c, actor, ClientChanges.created(c)))
                    .replaceWith(() -> new Created(c.clientId, null, null, ClientView.of(c, List.of())));
            return publicClient ? stored : stored.chain(() -> secretIssuer.first(c, actor))
                    .map(added -> new Created(c.clientId, added.plain(), added.secret().id,
                            ClientView.of(c, List.of(added.secret()))));
        }).onFailure(UniqueViolation::is).transform(e -> duplicate(name));
    }

    /** Renames a first-party client or changes where it may send people back to. */
    @WithTransaction
    public Uni<ClientView> updateFirstParty(String clientId, ClientRequests.FirstPartyUpdate patch, Actor actor) {
        String name = patch.name() == null ? null : patch.name().strip();
        ClientOwner owner = ClientOwner.FIRST_PARTY;
        return changes.find(owner, clientId)
                .call(c -> name == null ? Uni.createFrom().voidItem() : requireFreeName(owner, name, clientId))
                .chain(c -> {
                    if (name != null) {
                        c.name = name;
                    }
                    if (patch.description() != null) {
                        c.description = patch.description();
                    }
                    if (patch.redirectUris() != null) {
                        c.redirectUris = String.join(" ", RedirectUris.valid("redirectUris", patch.redirectUris(),
                                c.publicClient));
                    }
                    if (patch.postLogoutRedirectUris() != null) {
                        c.postLogoutRedirectUris = String.join(" ", RedirectUris.valid("postLogoutRedirectUris",
                                patch.postLogoutRedirectUris(), c.publicClient));
                    }
                    changes.touch(c, actor);
                    return clients.flush().call(() -> changes.emit(TokenEvents.CLIENT_UPDATED, c, actor,
                            new ClientUpdated(c.clientId, c.name, c.description, c.scopeList(),
                                    c.tokenLifetimeSeconds)))
                            .chain(() -> changes.view(c));
                })
                .onFailure(UniqueViolation::is).transform(e -> duplicate(name));
    }

    @WithSession
    public Uni<ClientView> get(ClientOwner owner, String clientId) {
        return changes.find(owner, clientId).chain(changes::view);
    }

    @WithSession
    public Uni<Page<ClientView>> list(ClientOwner owner, PageRequest request) {
        return clients.page(owner.type(), owner.id(), request).chain(rows -> secrets
                .ofClients(rows.stream().map(c -> c.clientId).toList())
                .map(all -> {
                    var byClient = all.stream().collect(Collectors.groupingBy(s -> s.clientId));
                    return request.page(rows, c -> new PageRequest.Position(c.createdAt, c.clientId),
                            c -> ClientView.of(c, byClient.getOrDefault(c.clientId, List.of())));
                }));
    }

    @WithTransaction
    public Uni<ClientView> update(ClientOwner owner, String clientId, ClientRequests.Update patch, Actor actor) {
        String name = patch.name() == null ? null : patch.name().strip();
        return changes.find(owner, clientId)
                .call(c -> name == null ? Uni.createFrom().voidItem() : requireFreeName(owner, name, clientId))
                .chain(c -> {
                    if (name != null) {
                        c.name = name;
                    }
                    if (patch.description() != null) {
                        c.description = patch.description();
                    }
                    if (patch.scopes() != null) {
                        c.scopes = String.join(" ", distinct(patch.scopes()));
                    }
                    if (patch.tokenLifetimeSeconds() != null) {
                        c.tokenLifetimeSeconds = patch.tokenLifetimeSeconds();
                    }
                    if (patch.jwks() != null) {
                        c.jwks = patch.jwks().isObject() && patch.jwks().isEmpty() ? null
                                : ClientKeys.validJwks(patch.jwks());
                    }
                    if (patch.jwksUri() != null) {
                        c.jwksUri = ClientKeys.validJwksUri(patch.jwksUri());
                    }
                    changes.touch(c, actor);
                    return clients.flush().call(() -> changes.emit(TokenEvents.CLIENT_UPDATED, c, actor,
                            new ClientUpdated(c.clientId, c.name, c.description, c.scopeList(),
                                    c.tokenLifetimeSeconds)))
                            .chain(() -> changes.view(c));
                })
                .onFailure(UniqueViolation::is).transform(e -> duplicate(name));
    }

    /** Deletes a client; a legacy service account's client goes only with its account (409 here). */
    @WithTransaction
    public Uni<Void> delete(ClientOwner owner, String clientId, Actor actor) {
        return changes.find(owner, clientId).call(changes::requireAnotherWayIn).invoke(c -> {
            if (c.legacyAccountId != null) {
                throw ProblemException.of(409, "legacy-managed", "Managed by a legacy service account",
                        "Client " + clientId + " belongs to legacy service account " + c.legacyAccountId
                                + " (deprecated). Delete that account, or migrate it to an app, in "
                                + "app-management-service (/companies/" + c.ownerId + "/legacy-service-accounts/"
                                + c.legacyAccountId + "); its client goes with it.");
            }
        }).call(c -> changes.emit(TokenEvents.CLIENT_DELETED, c, actor, new ClientDeleted(clientId)))
                .call(c -> changes.revokeAll(c, "client_deleted", actor))
                .chain(c -> clients.delete(c)).replaceWithVoid();
    }

    /** {@code pa_}, {@code fp_} or {@code sa_} and 128 random bits: a shape PresentedClientId recognises as an id. */
    private String newClientId(ClientOwner owner) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        String prefix = switch (owner.type()) {
            case Client.OWNER_PLATFORM -> "pa_";
            case Client.OWNER_FIRST_PARTY -> "fp_";
            default -> "sa_";
        };
        return prefix + HexFormat.of().formatHex(b);
    }

    private Uni<Void> requireFreeName(ClientOwner owner, String name, String except) {
        return clients.nameTaken(owner.type(), owner.id(), name, except).invoke(taken -> {
            if (taken) {
                throw duplicate(name);
            }
        }).replaceWithVoid();
    }

    private static ProblemException duplicate(String name) {
        return ProblemException.conflict("A client named '" + name + "' already exists for this owner");
    }

    private static List<String> distinct(List<String> scopes) {
        return scopes == null ? List.of() : scopes.stream().distinct().toList();
    }
}
