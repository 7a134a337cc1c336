package dev.gatehouse.token.issue;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenIssued;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.client.ClientSecret;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * Records an issued token: the {@code TokenIssued} event (through the outbox, so a Kafka outage neither blocks
 * issuance nor loses the event) and the secret's last use, written at most once a minute per secret so a busy
 * client does not turn every grant into a row update.
 */
@ApplicationScoped
public class IssuanceRecorder {

    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    private static final String TOUCH_SECRET = """
            update client_secret set last_used_at = :now
            where id = :id and (last_used_at is null or last_used_at < :stale)
            """;

    private final OutboxWriter outbox;

    public IssuanceRecorder(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> record(AccessToken token, ClientSecret secret) {
        Instant now = Instant.now();
        EventEnvelope event = EventEnvelope.of(TokenEvents.TOKEN_ISSUED, TokenService.NAME, token.companyId(),
                new Actor(Actor.CLIENT, token.clientId()), token.clientId(),
                new TokenIssued(token.clientId(), token.subject(), token.companyId(), token.scopes(), token.jti(),
                        token.expiresAt()));
        return Panache.withTransaction(() -> outbox.append(event).chain(() -> secret == null
                ? Uni.createFrom().voidItem()
                : Panache.getSession().chain(s -> s.createNativeQuery(TOUCH_SECRET)
                        .setParameter("now", now).setParameter("id", secret.id)
                        .setParameter("stale", now.minus(LAST_USED_GRANULARITY)).executeUpdate())
                        .replaceWithVoid()));
    }
}
