package dev.gatehouse.token.signin;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.SignInFailed;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.token.TokenService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Failed sign-ins on existing accounts, for the audit trail (a success is recorded with its session). */
@ApplicationScoped
public class SignInEvents {

    private final OutboxWriter outbox;

    public SignInEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    Uni<Void> failed(UUID accountId, String reason, String sourceAddress) {
        return Panache.withTransaction(() -> outbox.append(EventEnvelope.of(TokenEvents.SIGN_IN_FAILED,
                TokenService.NAME, null, new Actor(Actor.USER, accountId.toString()), accountId.toString(),
                new SignInFailed(accountId, reason, sourceAddress))));
    }
}
