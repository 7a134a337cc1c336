package dev.gatehouse.token.clientadmin;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.token.ClientSecretAdded;
import dev.gatehouse.events.token.ClientSecretRevoked;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.token.client.Client;
import dev.gatehouse.token.client.ClientOwner;
import dev.gatehouse.token.client.ClientRepository;
import dev.gatehouse.token.client.ClientSecret;
import dev.gatehouse.token.client.ClientSecretRepository;
import dev.gatehouse.token.client.SecretHasher;
import dev.gatehouse.token.clientadmin.ClientResponses.ClientView;
import dev.gatehouse.token.clientadmin.ClientResponses.NewSecret;
import dev.gatehouse.web.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client's secrets: rotate with a grace period (at most two live secrets), revoke one, regenerate all. A new
 * secret is shown once, in the answer that made it; only its keyed hash is kept.
 */
@ApplicationScoped
public class ClientSecrets {

    static final int MAX_LIVE_SECRETS = 2;
    static final Duration DEFAULT_GRACE = Duration.ofHours(24);
    static final Duration MAX_GRACE = Duration.ofDays(30);

    private final ClientRepository clients;
    private final ClientSecretRepository secrets;
    private final SecretHasher hasher;
    private final ClientChanges changes;

    public ClientSecrets(ClientRepository clients, ClientSecretRepository secrets, SecretHasher hasher,
            ClientChanges changes) {
        this.clients = clients;
        this.secrets = secrets;
        this.hasher = hasher;
        this.changes = changes;
    }

    /** Adds a secret; the secrets live now stay valid until {@code previousExpireAt} (default 24 h). */
    @WithTransaction
    public Uni<NewSecret> rotate(ClientOwner owner, String clientId, Instant previousExpireAt, Actor actor) {
        Instant now = changes.now();
        Instant grace = previousExpireAt == null ? now.plus(DEFAULT_GRACE) : previousExpireAt;
        if (!grace.isAfter(now) || grace.isAfter(now.plus(MAX_GRACE))) {
            throw ProblemException.invalid("previousSecretsExpireAt",
                    "must be in the future and at most " + MAX_GRACE.toDays() + " days away");
        }
        return changes.find(owner, clientId).invoke(ClientSecrets::requireConfidential)
                .chain(c -> secrets.ofClient(clientId).chain(existing -> {
                    List<ClientSecret> live = existing.stream().filter(s -> s.liveAt(now)).toList();
                    if (live.size() >= MAX_LIVE_SECRETS) {
                        throw ProblemException.conflict("This client already has " + MAX_LIVE_SECRETS
                                + " live secrets; revoke one before adding another");
                    }
                    live.forEach(s -> s.expireBy(grace));
                    return add(c, actor);
                }));
    }

    /** Revokes every secret at once and returns a new one. */
    @WithTransaction
    public Uni<NewSecret> regenerate(ClientOwner owner, String clientId, Actor actor) {
        return changes.find(owner, clientId).invoke(ClientSecrets::requireConfidential)
                .chain(c -> secrets.ofClient(clientId).chain(existing -> {
                    Uni<Void> revoked = Uni.createFrom().voidItem();
                    for (ClientSecret s : existing) {
                        revoked = revoked.chain(() -> secrets.delete(s)).call(() -> changes.emit(
                                TokenEvents.CLIENT_SECRET_REVOKED, c, actor, new ClientSecretRevoked(clientId, s.id,
                                        "regenerated")));
                    }
                    // Regenerating says the old secrets may be known to someone else: so may the tokens bought
                    // with them.
                    return revoked.call(() -> changes.revokeAll(c, "secrets_regenerated", actor))
                            .chain(() -> add(c, actor));
                }));
    }

    @WithTransaction
    public Uni<ClientView> revoke(ClientOwner owner, String clientId, UUID secretId, Actor actor) {
        return changes.find(owner, clientId).chain(c -> secrets.findById(secretId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Secret", secretId))
                .chain(s -> {
                    if (!s.clientId.equals(clientId)) {
                        throw ProblemException.notFound("Secret", secretId);
                    }
                    changes.touch(c, actor);
                    return secrets.delete(s).call(() -> changes.emit(TokenEvents.CLIENT_SECRET_REVOKED, c, actor,
                            new ClientSecretRevoked(clientId, secretId, "revoked")));
                })
                .chain(() -> clients.flush()).chain(() -> changes.view(c)));
    }

    private static void requireConfidential(Client c) {
        if (c.publicClient) {
            throw ProblemException.of(409, "public-client", "A public client has no secret",
                    "Client " + c.clientId + " is a public client (RFC 6749 §2.1): it proves itself with PKCE, not "
                            + "with a secret.");
        }
    }

    /** A new secret for {@code c}, stored (as its hash) in the caller's transaction; the plain text is returned. */
    Uni<Added> first(Client c, Actor actor) {
        String plain = hasher.newSecret();
        ClientSecret secret = ClientSecret.of(c.clientId, hasher.hash(plain), changes.now());
        return secrets.persist(secret).chain(() -> clients.flush())
                .call(() -> changes.emit(TokenEvents.CLIENT_SECRET_ADDED, c, actor,
                        new ClientSecretAdded(c.clientId, secret.id, null)))
                .replaceWith(new Added(secret, plain));
    }

    private Uni<NewSecret> add(Client c, Actor actor) {
        changes.touch(c, actor);
        return first(c, actor).chain(added -> secrets.ofClient(c.clientId)
                .map(all -> new NewSecret(c.clientId, added.secret().id, added.plain(), null,
                        all.stream().map(ClientResponses.SecretInfo::of).toList())));
    }

    /** A secret just stored and its plain text, which exists nowhere else. */
    record Added(ClientSecret secret, String plain) {
    }
}
