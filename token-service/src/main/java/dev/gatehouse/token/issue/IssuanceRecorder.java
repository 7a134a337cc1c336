package dev.gatehouse.token.issue;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenIssued;
import dev.gatehouse.outbox.DirectPublisher;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.oauth.GrantTypes;
import dev.gatehouse.token.authentication.SecretUsage;
import dev.gatehouse.token.client.RegisteredClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Records an issued token before it is handed out: the {@code TokenIssued} event is published straight to Kafka
 * and the token answered once Kafka acknowledged it; while Kafka does not answer in time, the event goes to the
 * outbox instead, committed with other grants' events in one transaction ({@link DirectPublisher}), so a Kafka outage
 * neither blocks issuance nor loses the event. And the secret's last use, to the minute, off the request's path.
 */
@ApplicationScoped
public class IssuanceRecorder {

    private final DirectPublisher publisher;
    private final SecretUsage usage;

    public IssuanceRecorder(DirectPublisher publisher, SecretUsage usage) {
        this.publisher = publisher;
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
        return publisher.publish(event).invoke(() -> {
            if (secret != null) {
                usage.used(secret.id(), token.issuedAt());
            }
        });
    }
}
