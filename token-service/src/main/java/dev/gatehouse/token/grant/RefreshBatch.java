package dev.gatehouse.token.grant;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.outbox.GroupCommitOutbox;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.error.OAuthException;
import dev.gatehouse.token.issue.TokenResponse;
import dev.gatehouse.token.oauth.Scopes;
import dev.gatehouse.token.oauth.TokenRequest;
import dev.gatehouse.token.refresh.RefreshTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Refreshes that arrive together share one transaction: one statement rotates every family that can simply be
 * rotated, one inserts every {@code TokenIssued}, one commit makes them durable (a group commit, as
 * {@code GroupCommitOutbox} does for client grants). Each caller is answered only after that commit, so a refresh is
 * exactly as durable as one done alone. Anything out of the ordinary (a reused, ended or unknown token, another
 * client's token, an account that changed, the same family twice in one batch) is not touched by the batch and goes
 * the one-by-one way ({@link RefreshTokenGrant}), which refuses it as before; a refresh the grant refuses after
 * rotating (a company the person is no one in, a scope beyond the grant) is taken back in the same transaction.
 */
@ApplicationScoped
public class RefreshBatch {

    static final int MAX_BATCH = 200;
    static final int MAX_IN_FLIGHT = 2;

    /** What became of one refresh in a batch. */
    sealed interface Result permits Done, Refused, OneByOne {
    }

    record Done(TokenResponse response) implements Result {
    }

    record Refused(OAuthException error) implements Result {
    }

    record OneByOne() implements Result {
    }

    private record Pending(RefreshTokens.Ask ask, RegisteredClient client, TokenRequest.RefreshToken request,
            Context context, Consumer<Result> callback) {
    }

    private final Pool pool;
    private final RefreshTokens refreshTokens;
    private final PersonTokens tokens;
    private final GroupCommitOutbox outbox;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int inFlight;

    public RefreshBatch(Pool pool, RefreshTokens refreshTokens, PersonTokens tokens, GroupCommitOutbox outbox) {
        this.pool = pool;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.outbox = outbox;
    }

    /** Queues the refresh for the next batch; a token that is not ours goes one by one at once. */
    Uni<Result> submit(RegisteredClient client, TokenRequest.RefreshToken request) {
        Optional<RefreshTokens.Presented> presented = refreshTokens.presented(request.refreshToken());
        if (presented.isEmpty()) {
            return Uni.createFrom().item(new OneByOne());
        }
        RefreshTokens.Ask ask = new RefreshTokens.Ask(presented.get(), client.clientId(),
                client.tokensValidAfter() == null ? Instant.EPOCH : client.tokensValidAfter());
        return Uni.createFrom().emitter(emitter -> enqueue(new Pending(ask, client, request, Vertx.currentContext(),
                emitter::complete)));
    }

    private void enqueue(Pending pending) {
        List<Pending> batch;
        synchronized (queue) {
            queue.add(pending);
            if (inFlight >= MAX_IN_FLIGHT) {
                return;
            }
            batch = takeBatch();
        }
        write(batch);
    }

    /** Call holding the queue lock. */
    private List<Pending> takeBatch() {
        List<Pending> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
        while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(queue.poll());
        }
        inFlight++;
        return batch;
    }

    private void write(List<Pending> batch) {
        // A family presented twice at once: the first goes in the batch, the others after it, one by one, where
        // they are found reused, as they would have been in sequence.
        Set<UUID> families = new HashSet<>();
        List<Pending> unique = new ArrayList<>();
        for (Pending p : batch) {
            if (families.add(p.ask().presented().familyId())) {
                unique.add(p);
            }
        }
        Map<Pending, Result> results = new HashMap<>();
        pool.withTransaction(connection -> rotateAndIssue(connection, unique, results)).onComplete(done -> {
            for (Pending p : batch) {
                // A failed batch (the database, or something unexpected in one refresh) retries each alone.
                Result result = done.succeeded() ? results.getOrDefault(p, new OneByOne()) : new OneByOne();
                complete(p, result);
            }
            List<Pending> next = null;
            synchronized (queue) {
                inFlight--;
                if (!queue.isEmpty()) {
                    next = takeBatch();
                }
            }
            if (next != null) {
                write(next);
            }
        });
    }

    private Future<Void> rotateAndIssue(SqlConnection connection, List<Pending> batch, Map<Pending, Result> results) {
        return Future.fromCompletionStage(refreshTokens.rotateAll(connection, batch.stream().map(Pending::ask)
                .toList()).subscribeAsCompletionStage()).compose(rotated -> {
                    List<EventEnvelope> events = new ArrayList<>();
                    List<UUID> takenBack = new ArrayList<>();
                    for (Pending p : batch) {
                        RefreshTokens.Outcome outcome = rotated.get(p.ask().presented().familyId());
                        if (outcome == null) {
                            continue;
                        }
                        RefreshTokens.Rotated grant = outcome.rotated().orElseThrow();
                        try {
                            PersonTokens.Issued issued = tokens.prepare(p.client(), person(grant),
                                    new PersonTokens.Grant(grant.familyId(), grant.sessionId(),
                                            Scopes.grant(p.request().scope(), grant.scopes()), grant.authTime(),
                                            grant.amr(), null, p.request().actingIn()), outcome.successor());
                            events.add(issued.event());
                            results.put(p, new Done(issued.response()));
                        } catch (OAuthException e) {
                            takenBack.add(grant.familyId());
                            results.put(p, new Refused(e));
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

    private static void complete(Pending pending, Result result) {
        if (pending.context() == null) {
            pending.callback().accept(result);
        } else {
            pending.context().runOnContext(x -> pending.callback().accept(result));
        }
    }
}
