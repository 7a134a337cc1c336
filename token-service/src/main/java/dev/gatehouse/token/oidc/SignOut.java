package dev.gatehouse.token.oidc;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenRevoked;
import dev.gatehouse.outbox.GroupCommitOutbox;
import dev.gatehouse.token.SignInConfig;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.refresh.RefreshTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Ends a sign-in session and everything that came from it (RP-initiated logout, or the person ending a session):
 * the session, the refresh tokens of every client it signed in to, and, through {@code TokenRevoked} per grant,
 * the access tokens those grants gave. One transaction: the session does not end without its tokens.
 */
@ApplicationScoped
public class SignOut {

    private static final String END_SESSION = """
            update sign_in_session set ended_at = $2 where id = $1 and ended_at is null
            """;

    private final Pool pool;
    private final RefreshTokens refreshTokens;
    private final GroupCommitOutbox outbox;
    private final SignInConfig config;
    private final Clock clock;

    public SignOut(Pool pool, RefreshTokens refreshTokens, GroupCommitOutbox outbox, SignInConfig config,
            Clock clock) {
        this.pool = pool;
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Void> end(UUID sessionId, UUID accountId) {
        return Uni.createFrom().completionStage(() -> pool.withTransaction(connection -> connection
                .preparedQuery(END_SESSION).execute(Tuple.of(sessionId,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .compose(x -> Future.fromCompletionStage(refreshTokens.endSession(connection, sessionId,
                        "signed_out").subscribeAsCompletionStage()))
                .compose(ended -> {
                    Future<Void> all = Future.succeededFuture();
                    for (RefreshTokens.Ended grant : ended) {
                        TokenRevoked revoked = TokenRevoked.grant(grant.clientId(), grant.familyId().toString(),
                                "signed_out", clock.instant().plus(config.accessTokenLifetime()));
                        EventEnvelope event = EventEnvelope.of(TokenEvents.TOKEN_REVOKED, TokenService.NAME, null,
                                new Actor(Actor.USER, accountId.toString()), grant.familyId().toString(), revoked);
                        all = all.compose(y -> outbox.appendOn(connection, event));
                    }
                    return all;
                })).toCompletionStage()).replaceWithVoid();
    }
}
