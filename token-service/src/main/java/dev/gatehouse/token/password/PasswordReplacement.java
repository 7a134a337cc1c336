package dev.gatehouse.token.password;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.PasswordChanged;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenRevoked;
import dev.gatehouse.outbox.GroupCommitOutbox;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.oidc.LivePeople;
import dev.gatehouse.token.oidc.SignOut;
import dev.gatehouse.token.refresh.RefreshTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Puts a new password hash in place and ends everything the old password opened, in one transaction: the account's
 * cut-off, every sign-in session, every refresh token, and (through {@code TokenRevoked} for the account's subject)
 * every access token, on every service; someone who knew the old password keeps nothing (OWASP, "Forgot Password",
 * and NIST SP 800-63B §6.1.2.3). A reset also proves the address, and uses its link up.
 */
@ApplicationScoped
public class PasswordReplacement {

    /** Why a replacement did not happen: the account is not active, or the reset link was used meanwhile. */
    public static final class NotReplaced extends RuntimeException {
        public NotReplaced() {
            super("the password was not replaced", null, false, false);
        }
    }

    private static final String REPLACE = """
            update account set password_hash = $2, tokens_valid_after = $3, updated_at = $3, updated_by = $4,
                email_verified = email_verified or $5, version = version + 1
            where id = $1 and status = 'active'
            """;
    private static final String USE_LINK = """
            update password_reset set used_at = $2 where id = $1 and used_at is null and expires_at > $2
            """;

    private final Pool pool;
    private final SignOut signOut;
    private final RefreshTokens refreshTokens;
    private final GroupCommitOutbox events;
    private final Clock clock;

    public PasswordReplacement(Pool pool, SignOut signOut, RefreshTokens refreshTokens, GroupCommitOutbox events,
            Clock clock) {
        this.pool = pool;
        this.signOut = signOut;
        this.refreshTokens = refreshTokens;
        this.events = events;
        this.clock = clock;
    }

    /** The person gave their current password; {@code hash} is the new one's. */
    public Uni<Void> changed(UUID accountId, String hash) {
        return replace(accountId, hash, PasswordChanged.CHANGED, null);
    }

    /** The person followed reset link {@code resetId}; {@code hash} is the new password's. */
    public Uni<Void> reset(UUID accountId, String hash, UUID resetId) {
        return replace(accountId, hash, PasswordChanged.RESET, resetId);
    }

    private Uni<Void> replace(UUID accountId, String hash, String how, UUID resetId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        Actor actor = new Actor(Actor.USER, accountId.toString());
        return Uni.createFrom().completionStage(() -> pool.withTransaction(connection ->
                useLink(connection, resetId, at)
                        .compose(x -> connection.preparedQuery(REPLACE).execute(Tuple.of(accountId, hash, at,
                                actor.id(), resetId != null)))
                        .compose(rows -> {
                            if (rows.rowCount() == 0) {
                                return Future.failedFuture(new NotReplaced());
                            }
                            return signOut.endAll(connection, accountId, "password_" + how);
                        })
                        .compose(x -> Future.fromCompletionStage(refreshTokens.endAccount(connection, accountId,
                                "password_" + how).subscribeAsCompletionStage()))
                        .compose(x -> events.appendOn(connection, EventEnvelope.of(TokenEvents.PASSWORD_CHANGED,
                                TokenService.NAME, null, actor, accountId.toString(),
                                new PasswordChanged(accountId, how))))
                        // Whole-second iat: every token of this second is dead too (LivePeople agrees).
                        .compose(x -> events.appendOn(connection, EventEnvelope.of(TokenEvents.TOKEN_REVOKED,
                                TokenService.NAME, null, actor, accountId.toString(),
                                TokenRevoked.subjectBefore(accountId.toString(), LivePeople.nextWholeSecond(now),
                                        "password_" + how))))
        ).toCompletionStage()).replaceWithVoid();
    }

    private static Future<Void> useLink(SqlConnection connection, UUID resetId, OffsetDateTime at) {
        if (resetId == null) {
            return Future.succeededFuture();
        }
        return connection.preparedQuery(USE_LINK).execute(Tuple.of(resetId, at))
                .compose(rows -> rows.rowCount() == 1 ? Future.succeededFuture()
                        : Future.failedFuture(new NotReplaced()));
    }
}
