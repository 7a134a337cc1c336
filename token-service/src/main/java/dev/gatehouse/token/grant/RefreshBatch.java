package dev.gatehouse.token.grant;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.outbox.GroupCommitOutbox;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.error.OAuthException;
import dev.gatehouse.token.oauth.GrantTypes;
import dev.gatehouse.token.oauth.Scopes;
import dev.gatehouse.token.oauth.TokenRequest;
import dev.gatehouse.token.refresh.RefreshTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Refreshes that arrive together share one transaction: one statement rotates every family that can simply be
 * rotated, one inserts every {@code TokenIssued}, one commit makes them durable (a group commit, as
 * {@code GroupCommitOutbox} does for client grants). Each caller is answered only after that commit, so a refresh is
 * exactly as durable as one done alone. Anything out of the ordinary (a reused, ended or unknown token, another
 * client's token, an account that changed, the same family twice in one batch) is not touched by the batch and goes
 * the one-by-one way ({@link RefreshTokenGrant}), which refuses it as before; a refresh the grant refuses after
 * rotating (a company the person is no one in, a scope beyond the grant) is taken back in the same transaction. The
 * queueing is {@link TransactionBatcher}'s.
 */
@ApplicationScoped
public class RefreshBatch {

    static final int MAX_BATCH = 200;
    static final int MAX_IN_FLIGHT = 2;

    /** One refresh waiting for its batch. */
    private record Ask(RefreshTokens.Ask ask, RegisteredClient client, TokenRequest.RefreshToken request) {
    }

    private final RefreshTokens refreshTokens;
    private final PersonTokens tokens;
    private final GroupCommitOutbox outbox;
    private final TransactionBatcher<Ask, BatchResult> batcher;

    public RefreshBatch(Pool pool, RefreshTokens refreshTokens, PersonTokens tokens, GroupCommitOutbox outbox) {
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.outbox = outbox;
        this.batcher = new TransactionBatcher<>(pool, MAX_BATCH, MAX_IN_FLIGHT, this::rotateAndIssue,
                a -> a.ask().presented().familyId(), new BatchResult.OneByOne());
    }

    /** Queues the refresh for the next batch; a token that is not ours goes one by one at once. */
    Uni<BatchResult> submit(RegisteredClient client, TokenRequest.RefreshToken request) {
        Optional<RefreshTokens.Presented> presented = refreshTokens.presented(request.refreshToken());
        // An app's grant for a person checks its installation on the way (Delegations): one by one.
        if (presented.isEmpty() || client.isApp()) {
            return Uni.createFrom().item(new BatchResult.OneByOne());
        }
        return batcher.submit(new Ask(new RefreshTokens.Ask(presented.get(), client.clientId(),
                client.tokensValidAfter() == null ? Instant.EPOCH : client.tokensValidAfter()), client, request));
    }

    private Future<Void> rotateAndIssue(SqlConnection connection, List<Ask> batch, Map<Ask, BatchResult> results) {
        return Future.fromCompletionStage(refreshTokens.rotateAll(connection, batch.stream().map(Ask::ask)
                .toList()).subscribeAsCompletionStage()).compose(rotated -> {
                    List<EventEnvelope> events = new ArrayList<>();
                    List<UUID> takenBack = new ArrayList<>();
                    for (Ask p : batch) {
                        RefreshTokens.Outcome outcome = rotated.get(p.ask().presented().familyId());
                        if (outcome == null) {
                            continue;
                        }
                        RefreshTokens.Rotated grant = outcome.rotated().orElseThrow();
                        try {
                            PersonTokens.Issued issued = tokens.prepare(p.client(), person(grant),
                                    new PersonTokens.Grant(grant.familyId(), grant.sessionId(),
                                            Scopes.grant(p.request().scope(), grant.scopes()), grant.authTime(),
                                            grant.amr(), null, p.request().actingIn()), outcome.successor(),
                                    GrantTypes.REFRESH_TOKEN);
                            events.add(issued.event());
                            results.put(p, new BatchResult.Done(issued.response()));
                        } catch (OAuthException e) {
                            takenBack.add(grant.familyId());
                            results.put(p, new BatchResult.Refused(e));
                        }
                    }
                    return Future.fromCompletionStage(refreshTokens.unrotate(connection, takenBack)
                            .subscribeAsCompletionStage()).compose(x -> outbox.appendAllOn(connection, events));
                });
    }

    static PersonTokens.Person person(RefreshTokens.Rotated grant) {
        return new PersonTokens.Person(grant.accountId(), grant.platformAdmin(), grant.email(), grant.emailVerified(),
                grant.displayName());
    }
}
