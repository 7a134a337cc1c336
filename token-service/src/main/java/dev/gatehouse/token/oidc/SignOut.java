package dev.gatehouse.token.oidc;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.SessionEnded;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenRevoked;
import dev.gatehouse.outbox.GroupCommitOutbox;
import dev.gatehouse.token.SignInConfig;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.refresh.RefreshTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
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
    private static final String END_SESSIONS_OF = """
            update sign_in_session set ended_at = $2 where account_id = $1 and ended_at is null returning id
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

    /**
     * Ends one session ({@code reason}: {@code signed_out}, {@code ended_by_owner}); nothing happens for one that
     * has already ended.
     */
    public Uni<Void> end(UUID sessionId, UUID accountId, String reason) {
        return Uni.createFrom().completionStage(() -> pool.withTransaction(connection -> connection
                .preparedQuery(END_SESSION).execute(Tuple.of(sessionId, at()))
                .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture()
                        : endTokens(connection, sessionId, accountId, reason))).toCompletionStage())
                .replaceWithVoid();
    }

    /** Ends every session of an account, on the caller's connection (a disable). */
    public Future<Void> endAll(SqlConnection connection, UUID accountId, String reason) {
        return connection.preparedQuery(END_SESSIONS_OF).execute(Tuple.of(accountId, at())).compose(rows -> {
            Future<Void> all = Future.succeededFuture();
            for (Row row : rows) {
                UUID sessionId = row.getUUID("id");
                all = all.compose(x -> endTokens(connection, sessionId, accountId, reason));
            }
            return all;
        });
    }

    /** The session's refresh tokens, their access tokens (TokenRevoked per grant), and the SessionEnded record. */
    private Future<Void> endTokens(SqlConnection connection, UUID sessionId, UUID accountId, String reason) {
        Actor actor = new Actor(Actor.USER, accountId.toString());
        return Future.fromCompletionStage(refreshTokens.endSession(connection, sessionId, reason)
                .subscribeAsCompletionStage()).compose(ended -> {
                    Future<Void> all = outbox.appendOn(connection, EventEnvelope.of(TokenEvents.SESSION_ENDED,
                            TokenService.NAME, null, actor, accountId.toString(),
                            new SessionEnded(accountId, sessionId, reason)));
                    for (RefreshTokens.Ended grant : ended) {
                        TokenRevoked revoked = TokenRevoked.grant(grant.clientId(), grant.familyId().toString(),
                                reason, clock.instant().plus(config.accessTokenLifetime()));
                        EventEnvelope event = EventEnvelope.of(TokenEvents.TOKEN_REVOKED, TokenService.NAME, null,
                                actor, grant.familyId().toString(), revoked);
                        all = all.compose(y -> outbox.appendOn(connection, event));
                    }
                    return all;
                });
    }

    private OffsetDateTime at() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
