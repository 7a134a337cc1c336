package dev.gatehouse.token.issue;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenIssued;
import dev.gatehouse.outbox.GroupCommitOutbox;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.oauth.GrantTypes;
import dev.gatehouse.token.authentication.SecretUsage;
import dev.gatehouse.token.client.RegisteredClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Records an issued token before it is handed out: the {@code TokenIssued} event goes through the outbox (so a
 * Kafka outage neither blocks issuance nor loses the event), committed together with other grants' events in
 * one transaction; and the secret's last use, to the minute, off the request's path.
 */
@ApplicationScoped
public class IssuanceRecorder {

    private final GroupCommitOutbox outbox;
    private final SecretUsage usage;

    public IssuanceRecorder(GroupCommitOutbox outbox, SecretUsage usage) {
        this.outbox = outbox;
        this.usage = usage;
    }

    /**
     * A client's token (client_credentials); {@code installationId} for an installation token, else null;
     * {@code kind} one of {@link TokenIssued}'s {@code KIND_} constants.
     */
    public Uni<Void> record(AccessToken token, RegisteredClient.Secret secret, UUID installationId, String kind) {
        EventEnvelope event = EventEnvelope.of(TokenEvents.TOKEN_ISSUED, TokenService.NAME, token.companyId(),
                new Actor(Actor.CLIENT, token.clientId()), token.clientId(),
                new TokenIssued(token.clientId(), token.subject(), token.companyId(), token.scopes(), token.jti(),
                        token.expiresAt(), GrantTypes.CLIENT_CREDENTIALS, installationId, null, kind));
        return outbox.append(event).invoke(() -> {
            if (secret != null) {
                usage.used(secret.id(), token.issuedAt());
            }
        });
    }
}
