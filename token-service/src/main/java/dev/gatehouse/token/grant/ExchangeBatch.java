package dev.gatehouse.token.grant;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.outbox.GroupCommitOutbox;
import dev.gatehouse.token.authorize.AuthorizationCodes;
import dev.gatehouse.token.authorize.AuthorizationCodes.Redemption;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.error.OAuthException;
import dev.gatehouse.token.oauth.GrantTypes;
import dev.gatehouse.token.oauth.TokenRequest;
import dev.gatehouse.token.refresh.RefreshTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Code exchanges that arrive together share one transaction, as refreshes do ({@link RefreshBatch}): one statement
 * redeems every code not redeemed before, each is checked ({@link CodeChecks}), one statement starts the refresh
 * families of those that pass, one writes their {@code TokenIssued}, one commit. A code that fails its checks is
 * given back in the same transaction (a failed check does not use a code up) and its error answered; a code
 * redeemed before (a replay, which must end its grant) or unknown is left to the one-by-one way
 * ({@link AuthorizationCodeGrant}).
 */
@ApplicationScoped
public class ExchangeBatch {

    static final int MAX_BATCH = 200;
    static final int MAX_IN_FLIGHT = 2;

    /** One exchange waiting for its batch. */
    private record Ask(String codeHash, RegisteredClient client, TokenRequest.AuthorizationCode request) {
    }

    private final AuthorizationCodes codes;
    private final CodeChecks checks;
    private final RefreshTokens refreshTokens;
    private final PersonTokens tokens;
    private final GroupCommitOutbox outbox;
    private final TransactionBatcher<Ask, BatchResult> batcher;

    public ExchangeBatch(Pool pool, AuthorizationCodes codes, CodeChecks checks, RefreshTokens refreshTokens,
            PersonTokens tokens, GroupCommitOutbox outbox) {
        this.codes = codes;
        this.checks = checks;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.outbox = outbox;
        this.batcher = new TransactionBatcher<>(pool, MAX_BATCH, MAX_IN_FLIGHT, this::redeemAndIssue, Ask::codeHash,
                new BatchResult.OneByOne());
    }

    /** Queues the exchange for the next batch; a code that is not even well formed goes one by one at once. */
    Uni<BatchResult> submit(RegisteredClient client, TokenRequest.AuthorizationCode request) {
        Optional<String> hash = codes.hashOf(request.code());
        // An app's code for a person checks its installation on the way (Delegations): one by one.
        if (hash.isEmpty() || client.isApp()) {
            return Uni.createFrom().item(new BatchResult.OneByOne());
        }
        return batcher.submit(new Ask(hash.get(), client, request));
    }

    private Future<Void> redeemAndIssue(SqlConnection connection, List<Ask> batch, Map<Ask, BatchResult> results) {
        return Future.fromCompletionStage(codes.redeemAll(connection, batch.stream().map(Ask::codeHash).toList())
                .subscribeAsCompletionStage()).compose(redeemed -> {
                    List<EventEnvelope> events = new ArrayList<>();
                    List<RefreshTokens.Start> families = new ArrayList<>();
                    List<String> givenBack = new ArrayList<>();
                    for (Ask ask : batch) {
                        Redemption.Redeemed code = redeemed.get(ask.codeHash());
                        if (code == null) {
                            continue;
                        }
                        try {
                            checks.require(ask.client(), ask.request(), code);
                            boolean refreshes = ask.client().grantTypes().contains(GrantTypes.REFRESH_TOKEN);
                            PersonTokens.Issued issued = tokens.prepare(ask.client(), new PersonTokens.Person(
                                            code.accountId(), code.platformAdmin(), code.email(),
                                            code.emailVerified(), code.displayName()),
                                    new PersonTokens.Grant(code.familyId(), code.sessionId(), code.scopes(),
                                            code.authTime(), code.amr(), code.nonce(), ask.request().actingIn()),
                                    refreshes ? refreshTokens.firstToken(code.familyId()) : null,
                                    GrantTypes.AUTHORIZATION_CODE);
                            if (refreshes) {
                                families.add(new RefreshTokens.Start(code.familyId(), ask.client().clientId(),
                                        code.accountId(), code.sessionId(), code.scopes(), code.authTime(),
                                        code.amr()));
                            }
                            events.add(issued.event());
                            results.put(ask, new BatchResult.Done(issued.response()));
                        } catch (OAuthException e) {
                            givenBack.add(ask.codeHash());
                            results.put(ask, new BatchResult.Refused(e));
                        }
                    }
                    return Future.fromCompletionStage(codes.unredeem(connection, givenBack)
                                    .chain(() -> refreshTokens.startAll(connection, families))
                                    .subscribeAsCompletionStage())
                            .compose(x -> outbox.appendAllOn(connection, events));
                });
    }
}
