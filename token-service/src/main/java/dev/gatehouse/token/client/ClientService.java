package dev.gatehouse.token.client;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.apps.AppClientIds;
import dev.gatehouse.events.apps.AppRegistered;
import dev.gatehouse.events.apps.AppUpdated;
import dev.gatehouse.events.apps.LegacyServiceAccountState;
import dev.gatehouse.events.token.ClientCreated;
import dev.gatehouse.events.token.ClientDeleted;
import dev.gatehouse.events.token.ClientDisabled;
import dev.gatehouse.events.token.ClientEnabled;
import dev.gatehouse.events.token.ClientSecretAdded;
import dev.gatehouse.events.token.ClientSecretRevoked;
import dev.gatehouse.events.token.ClientUpdated;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenRevoked;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.token.TokenConfig;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.client.ClientResponses.ClientView;
import dev.gatehouse.token.client.ClientResponses.Created;
import dev.gatehouse.token.client.ClientResponses.NewSecret;
import dev.gatehouse.token.company.KnownCompanyRepository;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The life of an OAuth client and its secrets: create (the secret is shown once), read (never a secret), change,
 * rotate with a grace period (at most two live secrets), revoke a secret, regenerate all, disable and enable,
 * revoke every token, delete. Each change and its event commit together.
 */
@ApplicationScoped
public class ClientService {

    static final int MAX_LIVE_SECRETS = 2;
    static final Duration DEFAULT_GRACE = Duration.ofHours(24);
    static final Duration MAX_GRACE = Duration.ofDays(30);

    private final ClientRepository clients;
    private final ClientSecretRepository secrets;
    private final SecretHasher hasher;
    private final OutboxWriter outbox;
    private final TokenConfig config;
    private final ClientCache cache;
    private final KnownCompanyRepository companies;
    private final SecureRandom random = new SecureRandom();

    public ClientService(ClientRepository clients, ClientSecretRepository secrets, SecretHasher hasher,
            OutboxWriter outbox, TokenConfig config, ClientCache cache, KnownCompanyRepository companies) {
        this.companies = companies;
        this.clients = clients;
        this.secrets = secrets;
        this.hasher = hasher;
        this.outbox = outbox;
        this.config = config;
        this.cache = cache;
    }

    @WithTransaction
    public Uni<Created> create(ClientOwner owner, ClientRequests.Create request, Actor actor) {
        String name = request.name().strip();
        Uni<Void> ownerExists = owner.companyId() == null ? Uni.createFrom().voidItem()
                : companies.require(owner.companyId());
        return ownerExists.chain(() -> requireFreeName(owner, name, null)).chain(() -> {
            Instant now = now();
            Client c = new Client();
            c.clientId = (owner.type().equals(Client.OWNER_PLATFORM) ? "pa_" : "sa_")
                    + HexFormat.of().formatHex(randomBytes(16));
            c.name = name;
            c.description = request.description();
            c.ownerType = owner.type();
            c.ownerId = owner.id();
            c.grantTypes = GrantTypes.CLIENT_CREDENTIALS;
            c.scopes = String.join(" ", distinct(request.scopes()));
            c.tokenLifetimeSeconds = request.tokenLifetimeSeconds() != null ? request.tokenLifetimeSeconds()
                    : (int) config.defaultTokenLifetime().toSeconds();
            c.signingAlgorithm = request.signingAlgorithm() != null ? request.signingAlgorithm()
                    : config.defaultSigningAlgorithm();
            c.jwks = ClientKeys.validJwks(request.jwks());
            c.jwksUri = ClientKeys.validJwksUri(request.jwksUri());
            c.enabled = true;
            // Tokens carry whole-second iat, so the cutoff is whole seconds too: tokens from this second count.
            c.tokensValidAfter = now.truncatedTo(ChronoUnit.SECONDS);
            c.createdAt = now;
            c.createdBy = actor.id();
            c.updatedAt = now;
            c.updatedBy = actor.id();
            String plain = hasher.newSecret();
            ClientSecret secret = newSecret(c.clientId, plain, now);
            return clients.persist(c).chain(() -> secrets.persist(secret)).chain(() -> clients.flush())
                    .call(() -> emit(TokenEvents.CLIENT_CREATED, c, actor, created(c)))
                    .call(() -> emit(TokenEvents.CLIENT_SECRET_ADDED, c, actor,
                            new ClientSecretAdded(c.clientId, secret.id, null)))
                    .map(x -> new Created(c.clientId, plain, secret.id, ClientView.of(c, List.of(secret))));
        }).onFailure(UniqueViolation::is).transform(e -> duplicate(name));
    }

    /**
     * Inside the caller's transaction (the app-events consumer): the OAuth client of a newly registered app, owned
     * by its developer organization, created once. It has no secret: its developers add the first one with
     * {@code POST /clients/{clientId}/secrets}, the only time they see it. Its tokens' scopes and permissions come
     * from each company's installation, so the client itself allows no scopes.
     */
    public Uni<Void> registerApp(AppRegistered app, Actor actor) {
        ClientOwner owner = new ClientOwner(Client.OWNER_DEVELOPER_ORG, app.developerOrgId());
        return clients.findById(app.clientId()).chain(existing -> existing != null ? Uni.createFrom().voidItem()
                : freeName(owner, app.name(), app.clientId()).chain(name -> {
            Instant now = now();
            Client c = new Client();
            c.clientId = app.clientId();
            c.name = name;
            c.description = app.description();
            c.ownerType = Client.OWNER_DEVELOPER_ORG;
            c.ownerId = app.developerOrgId();
            c.grantTypes = GrantTypes.CLIENT_CREDENTIALS;
            c.scopes = "";
            c.tokenLifetimeSeconds = (int) config.defaultTokenLifetime().toSeconds();
            c.signingAlgorithm = config.defaultSigningAlgorithm();
            c.enabled = true;
            c.tokensValidAfter = now.truncatedTo(ChronoUnit.SECONDS);
            c.createdAt = now;
            c.createdBy = actor.id();
            c.updatedAt = now;
            c.updatedBy = actor.id();
            return clients.persistAndFlush(c)
                    .call(() -> emit(TokenEvents.CLIENT_CREATED, c, actor, created(c)))
                    .replaceWithVoid();
        }));
    }

    /**
     * Inside the caller's transaction (the app-events consumer): a renamed or redescribed app's client follows, so
     * the name it had is free again for another app of the organization. Nothing happens for an app whose client
     * is not here yet: its {@code AppRegistered} carries the name it has by then.
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
                touch(c, actor);
                return clients.flush().call(() -> emit(TokenEvents.CLIENT_UPDATED, c, actor,
                        new ClientUpdated(c.clientId, c.name, c.description, c.scopeList(), c.tokenLifetimeSeconds)));
            });
        });
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

    /**
     * Inside the caller's transaction (the legacy service accounts consumer): the company client of a legacy
     * service account, created once with no secret and no scopes. The company's admins add the secret with
     * {@code POST /companies/{companyId}/service-accounts/{clientId}/secrets} and hand it to the developer: the
     * insecure hand-over that makes this model deprecated. Named after the account; when a service account of the
     * company already has that name, the account id's first characters tell them apart.
     */
    public Uni<Void> registerLegacy(LegacyServiceAccountState account, Actor actor) {
        ClientOwner owner = ClientOwner.company(account.companyId());
        return clients.findById(account.clientId()).chain(existing -> {
            if (existing != null || !account.active()) {
                return Uni.createFrom().voidItem();
            }
            return clients.nameTaken(owner.type(), owner.id(), account.name(), null).chain(taken -> {
                Instant now = now();
                Client c = new Client();
                c.clientId = account.clientId();
                c.name = taken ? account.name() + " (" + account.accountId().toString().substring(0, 8) + ")"
                        : account.name();
                c.description = "Legacy service account (deprecated): migrate it to an app installation";
                c.ownerType = owner.type();
                c.ownerId = owner.id();
                c.grantTypes = GrantTypes.CLIENT_CREDENTIALS;
                c.scopes = "";
                c.tokenLifetimeSeconds = (int) config.defaultTokenLifetime().toSeconds();
                c.signingAlgorithm = config.defaultSigningAlgorithm();
                c.enabled = true;
                c.legacyAccountId = account.accountId();
                c.legacyUserId = account.userId();
                c.tokensValidAfter = now.truncatedTo(ChronoUnit.SECONDS);
                c.createdAt = now;
                c.createdBy = actor.id();
                c.updatedAt = now;
                c.updatedBy = actor.id();
                return clients.persistAndFlush(c)
                        .call(() -> emit(TokenEvents.CLIENT_CREATED, c, actor, created(c)))
                        .replaceWithVoid();
            });
        });
    }

    /**
     * Inside the caller's transaction: once a legacy service account is migrated or deleted its client goes, with
     * its secrets, so its credentials get nothing more and its tokens stop introspecting as active.
     */
    public Uni<Void> removeLegacy(LegacyServiceAccountState account, Actor actor) {
        if (account.active()) {
            return Uni.createFrom().voidItem();
        }
        return clients.findById(account.clientId()).chain(c -> c == null ? Uni.createFrom().voidItem()
                : emit(TokenEvents.CLIENT_DELETED, c, actor, new ClientDeleted(c.clientId))
                        .call(() -> revokeAll(c, "client_deleted", actor))
                        .chain(() -> clients.delete(c)));
    }

    /** The owner of an app client (owned by a developer organization); 404 for any other client. */
    @WithSession
    public Uni<ClientOwner> appClientOwner(String clientId) {
        return clients.findById(clientId).map(c -> {
            if (c == null || !Client.OWNER_DEVELOPER_ORG.equals(c.ownerType)) {
                throw ProblemException.notFound("Client", clientId);
            }
            return new ClientOwner(c.ownerType, c.ownerId);
        });
    }

    @WithSession
    public Uni<ClientView> get(ClientOwner owner, String clientId) {
        return find(owner, clientId).chain(c -> secrets.ofClient(clientId).map(s -> ClientView.of(c, s)));
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
        return find(owner, clientId)
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
                    touch(c, actor);
                    return clients.flush().call(() -> emit(TokenEvents.CLIENT_UPDATED, c, actor,
                            new ClientUpdated(c.clientId, c.name, c.description, c.scopeList(),
                                    c.tokenLifetimeSeconds)))
                            .chain(() -> view(c));
                })
                .onFailure(UniqueViolation::is).transform(e -> duplicate(name));
    }

    /** Deletes a client; a legacy service account's client goes only with its account (409 here). */
    @WithTransaction
    public Uni<Void> delete(ClientOwner owner, String clientId, Actor actor) {
        return find(owner, clientId).call(this::requireAnotherWayIn).invoke(c -> {
            if (c.legacyAccountId != null) {
                throw ProblemException.of(409, "legacy-managed", "Managed by a legacy service account",
                        "Client " + clientId + " belongs to legacy service account " + c.legacyAccountId
                                + " (deprecated). Delete that account, or migrate it to an app, in "
                                + "app-management-service (/companies/" + c.ownerId + "/legacy-service-accounts/"
                                + c.legacyAccountId + "); its client goes with it.");
            }
        }).call(c -> emit(TokenEvents.CLIENT_DELETED, c, actor, new ClientDeleted(clientId)))
                .call(c -> revokeAll(c, "client_deleted", actor))
                .chain(c -> clients.delete(c)).replaceWithVoid();
    }

    /** Adds a secret; the secrets live now stay valid until {@code previousExpireAt} (default 24 h). */
    @WithTransaction
    public Uni<NewSecret> rotate(ClientOwner owner, String clientId, Instant previousExpireAt, Actor actor) {
        Instant now = now();
        Instant grace = previousExpireAt == null ? now.plus(DEFAULT_GRACE) : previousExpireAt;
        if (!grace.isAfter(now) || grace.isAfter(now.plus(MAX_GRACE))) {
            throw ProblemException.invalid("previousSecretsExpireAt",
                    "must be in the future and at most " + MAX_GRACE.toDays() + " days away");
        }
        return find(owner, clientId).chain(c -> secrets.ofClient(clientId).chain(existing -> {
            List<ClientSecret> live = existing.stream().filter(s -> s.liveAt(now)).toList();
            if (live.size() >= MAX_LIVE_SECRETS) {
                throw ProblemException.conflict("This client already has " + MAX_LIVE_SECRETS
                        + " live secrets; revoke one before adding another");
            }
            live.forEach(s -> s.expiresAt = s.expiresAt == null || s.expiresAt.isAfter(grace) ? grace : s.expiresAt);
            return addSecret(c, now, actor);
        }));
    }

    /** Revokes every secret at once and returns a new one. */
    @WithTransaction
    public Uni<NewSecret> regenerate(ClientOwner owner, String clientId, Actor actor) {
        Instant now = now();
        return find(owner, clientId).chain(c -> secrets.ofClient(clientId).chain(existing -> {
            Uni<Void> revoked = Uni.createFrom().voidItem();
            for (ClientSecret s : existing) {
                revoked = revoked.chain(() -> secrets.delete(s)).call(() -> emit(TokenEvents.CLIENT_SECRET_REVOKED,
                        c, actor, new ClientSecretRevoked(clientId, s.id, "regenerated")));
            }
            // Regenerating says the old secrets may be known to someone else: so may the tokens bought with them.
            return revoked.call(() -> revokeAll(c, "secrets_regenerated", actor)).chain(() -> addSecret(c, now, actor));
        }));
    }

    @WithTransaction
    public Uni<ClientView> revokeSecret(ClientOwner owner, String clientId, UUID secretId, Actor actor) {
        return find(owner, clientId).chain(c -> secrets.findById(secretId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Secret", secretId))
                .chain(s -> {
                    if (!s.clientId.equals(clientId)) {
                        throw ProblemException.notFound("Secret", secretId);
                    }
                    touch(c, actor);
                    return secrets.delete(s).call(() -> emit(TokenEvents.CLIENT_SECRET_REVOKED, c, actor,
                            new ClientSecretRevoked(clientId, secretId, "revoked")));
                })
                .chain(() -> clients.flush()).chain(() -> view(c)));
    }

    @WithTransaction
    public Uni<ClientView> disable(ClientOwner owner, String clientId, String reason, Actor actor) {
        return find(owner, clientId).call(this::requireAnotherWayIn).chain(c -> {
            boolean change = c.enabled || !java.util.Objects.equals(c.disabledReason, reason);
            boolean wasEnabled = c.disable(reason, now());
            touch(c, actor);
            Uni<Void> event = change ? emit(TokenEvents.CLIENT_DISABLED, c, actor, new ClientDisabled(clientId,
                    reason)) : Uni.createFrom().voidItem();
            return clients.flush().call(() -> event)
                    .call(() -> wasEnabled ? revokeAll(c, "client_disabled", actor) : Uni.createFrom().voidItem())
                    .chain(() -> view(c));
        });
    }

    @WithTransaction
    public Uni<ClientView> enable(ClientOwner owner, String clientId, Actor actor) {
        return find(owner, clientId).chain(c -> {
            boolean change = !c.enabled;
            c.enabled = true;
            c.disabledReason = null;
            touch(c, actor);
            Uni<Void> event = change ? emit(TokenEvents.CLIENT_ENABLED, c, actor, new ClientEnabled(clientId))
                    : Uni.createFrom().voidItem();
            return clients.flush().call(() -> event).chain(() -> view(c));
        });
    }

    /** Every token issued to the client until now stops being valid. */
    @WithTransaction
    public Uni<ClientView> revokeTokens(ClientOwner owner, String clientId, Actor actor) {
        return find(owner, clientId).chain(c -> {
            touch(c, actor);
            return revokeAll(c, "revoke_all", actor).chain(() -> clients.flush()).chain(() -> view(c));
        });
    }

    /**
     * A platform client may be disabled or deleted only while another enabled one remains: otherwise nobody could
     * administer the platform again short of editing the database (runbook in docs/security.md).
     */
    private Uni<Void> requireAnotherWayIn(Client c) {
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

    private Uni<NewSecret> addSecret(Client c, Instant now, Actor actor) {
        String plain = hasher.newSecret();
        ClientSecret secret = newSecret(c.clientId, plain, now);
        touch(c, actor);
        return secrets.persist(secret).chain(() -> clients.flush())
                .call(() -> emit(TokenEvents.CLIENT_SECRET_ADDED, c, actor,
                        new ClientSecretAdded(c.clientId, secret.id, null)))
                .chain(() -> secrets.ofClient(c.clientId))
                .map(all -> new NewSecret(c.clientId, secret.id, plain, null,
                        all.stream().map(ClientResponses.SecretInfo::of).toList()));
    }

    private ClientSecret newSecret(String clientId, String plain, Instant now) {
        ClientSecret secret = new ClientSecret();
        secret.id = UUID.randomUUID();
        secret.clientId = clientId;
        secret.secretHash = hasher.hash(plain);
        secret.createdAt = now;
        return secret;
    }

    private Uni<ClientView> view(Client c) {
        return secrets.ofClient(c.clientId).map(s -> ClientView.of(c, s));
    }

    private Uni<Client> find(ClientOwner owner, String clientId) {
        return clients.findOwned(owner.type(), owner.id(), clientId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Client", clientId));
    }

    private Uni<Void> requireFreeName(ClientOwner owner, String name, String except) {
        return clients.nameTaken(owner.type(), owner.id(), name, except).invoke(taken -> {
            if (taken) {
                throw duplicate(name);
            }
        }).replaceWithVoid();
    }

    /**
     * Every change emits an event, so this is also where this replica's cached copy is dropped. That happens just
     * before the commit; a grant slipping in between may cache the old state, which the change feed's
     * announcement after the commit drops again (ClientCache).
     */
    private static ClientCreated created(Client c) {
        return new ClientCreated(c.clientId, c.name, c.ownerType, c.ownerId, c.grantTypeList(), c.scopeList(),
                c.tokenLifetimeSeconds, c.signingAlgorithm);
    }

    /**
     * Cuts off every token the client holds, and tells every resource server (they refuse tokens issued before
     * the cutoff). Inside the caller's transaction, so the cutoff and its event commit together.
     */
    private Uni<Void> revokeAll(Client c, String reason, Actor actor) {
        Instant cutoff = c.cutOffTokens(now());
        return emit(TokenEvents.TOKEN_REVOKED, c, actor, TokenRevoked.allBefore(c.clientId, cutoff, reason,
                new ClientOwner(c.ownerType, c.ownerId).companyId()));
    }

    private <P> Uni<Void> emit(EventType<P> type, Client c, Actor actor, P payload) {
        cache.invalidate(c.clientId);
        return outbox.append(EventEnvelope.of(type, TokenService.NAME,
                new ClientOwner(c.ownerType, c.ownerId).companyId(), actor, c.clientId, payload));
    }

    private static void touch(Client c, Actor actor) {
        c.updatedAt = now();
        c.updatedBy = actor.id();
    }

    private static ProblemException duplicate(String name) {
        return ProblemException.conflict("A client named '" + name + "' already exists for this owner");
    }

    private static List<String> distinct(List<String> scopes) {
        return scopes == null ? List.of() : scopes.stream().distinct().toList();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
