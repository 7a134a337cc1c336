package dev.gatehouse.token.grant;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenRevoked;
import dev.gatehouse.outbox.GroupCommitOutbox;
import dev.gatehouse.token.SignInConfig;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.error.OAuthException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the authorization code and refresh token grants share: one database transaction per exchange, so the
 * code's redemption or the refresh token's rotation commits with the tokens' event or not at all (a failed
 * exchange can be retried with the same code or token); and the end of a grant whose code or refresh token was
 * replayed, which must commit although the request fails.
 */
@ApplicationScoped
public class SignInGrants {

    /** The result of a transaction: the value, or the error to answer once the transaction has committed. */
    record Outcome<T>(T value, OAuthException error) {
        static <T> Outcome<T> of(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> failed(OAuthException error) {
            return new Outcome<>(null, error);
        }
    }

    private final Pool pool;
    private final GroupCommitOutbox outbox;
    private final SignInConfig config;
    private final Clock clock;

    public SignInGrants(Pool pool, GroupCommitOutbox outbox, SignInConfig config, Clock clock) {
        this.pool = pool;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Runs {@code work} in one transaction. A thrown error rolls everything back; an {@link Outcome} error commits
     * what was done and is then answered.
     */
    <T> Uni<T> inTransaction(Function<SqlConnection, Uni<Outcome<T>>> work) {
        return Uni.createFrom().completionStage(() -> pool.withTransaction(connection -> Future.fromCompletionStage(
                        work.apply(connection).subscribeAsCompletionStage())).toCompletionStage())
                .map(outcome -> {
                    if (outcome.error() != null) {
                        throw outcome.error();
                    }
                    return outcome.value();
                });
    }

    /**
     * Tells every resource server that the grant's tokens are dead (RFC 6749 §4.1.2 for a replayed code, RFC 9700
     * §4.14.2 for a reused refresh token): each access token carries {@code grant_id}.
     */
    Uni<Void> revokeGrant(SqlConnection connection, String clientId, UUID accountId, UUID familyId, String reason) {
        TokenRevoked revoked = TokenRevoked.grant(clientId, familyId.toString(), reason,
                clock.instant().plus(config.accessTokenLifetime()));
        // The person when known; a replay found before the grant's person was read is the client's doing.
        Actor actor = accountId == null ? new Actor(Actor.CLIENT, clientId)
                : new Actor(Actor.USER, accountId.toString());
        EventEnvelope event = EventEnvelope.of(TokenEvents.TOKEN_REVOKED, TokenService.NAME, null, actor,
                familyId.toString(), revoked);
        return Uni.createFrom().completionStage(() -> outbox.appendOn(connection, event).toCompletionStage());
    }
}
