package dev.gatehouse.token.accountadmin;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.AccountDisabled;
import dev.gatehouse.events.token.AccountEnabled;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenRevoked;
import dev.gatehouse.outbox.GroupCommitOutbox;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.account.AccountRepository;
import dev.gatehouse.token.accountadmin.AccountViews.AccountView;
import dev.gatehouse.token.oidc.LivePeople;
import dev.gatehouse.token.oidc.SignOut;
import dev.gatehouse.token.refresh.RefreshTokens;
import dev.gatehouse.web.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A platform admin disables or enables a person's account. Disabling ends everything at once, in one transaction:
 * the account's status and cut-off, every sign-in session, every refresh token, and (through {@code TokenRevoked}
 * for the account's subject) every access token it holds, on every service.
 */
@ApplicationScoped
public class AccountSwitch {

    private static final String DISABLE = """
            update account set status = 'disabled', tokens_valid_after = $2, updated_at = $2, updated_by = $3,
                version = version + 1
            where id = $1 and status = 'active'
            """;

    private final Pool pool;
    private final AccountRepository accounts;
    private final SignOut signOut;
    private final RefreshTokens refreshTokens;
    private final GroupCommitOutbox events;
    private final OutboxWriter outbox;
    private final Clock clock;

    public AccountSwitch(Pool pool, AccountRepository accounts, SignOut signOut, RefreshTokens refreshTokens,
            GroupCommitOutbox events, OutboxWriter outbox, Clock clock) {
        this.pool = pool;
        this.accounts = accounts;
        this.signOut = signOut;
        this.refreshTokens = refreshTokens;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Disables the account (nothing changes for one already disabled) and returns it. */
    public Uni<AccountView> disable(UUID accountId, String reason, Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return find(accountId).chain(() -> Uni.createFrom().completionStage(() -> pool.withTransaction(connection ->
                connection.preparedQuery(DISABLE).execute(Tuple.of(accountId, OffsetDateTime.ofInstant(now,
                                ZoneOffset.UTC), actor.id()))
                        .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture()
                                : signOut.endAll(connection, accountId, "account_disabled")
                                .compose(x -> Future.fromCompletionStage(refreshTokens.endAccount(connection,
                                        accountId, "account_disabled").subscribeAsCompletionStage()))
                                .compose(x -> events.appendOn(connection, EventEnvelope.of(
                                        TokenEvents.ACCOUNT_DISABLED, TokenService.NAME, null, actor,
                                        accountId.toString(), new AccountDisabled(accountId, reason))))
                                // Whole-second iat: every token of this second is dead too (LivePeople agrees).
                                .compose(x -> events.appendOn(connection, EventEnvelope.of(TokenEvents.TOKEN_REVOKED,
                                        TokenService.NAME, null, actor, accountId.toString(),
                                        TokenRevoked.subjectBefore(accountId.toString(),
                                                LivePeople.nextWholeSecond(now), "account_disabled")))))
                ).toCompletionStage())).chain(() -> view(accountId));
    }

    /** Lets the account sign in again; what it had before stays ended. */
    public Uni<AccountView> enable(UUID accountId, Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> find(accountId).call(a -> {
            if (a.isActive()) {
                return Uni.createFrom().voidItem();
            }
            a.enable(now, actor.id());
            return outbox.append(EventEnvelope.of(TokenEvents.ACCOUNT_ENABLED, TokenService.NAME, null, actor,
                    accountId.toString(), new AccountEnabled(accountId)));
        })).map(AccountView::of);
    }

    private Uni<AccountView> view(UUID accountId) {
        return Panache.withSession(() -> find(accountId)).map(AccountView::of);
    }

    private Uni<Account> find(UUID accountId) {
        return Panache.withSession(() -> accounts.findById(accountId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Account", accountId));
    }
}
