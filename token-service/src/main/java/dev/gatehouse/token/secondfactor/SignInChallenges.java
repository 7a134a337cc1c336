package dev.gatehouse.token.secondfactor;

import dev.gatehouse.token.crypto.OpaqueTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The step between a right password and a right second factor at sign-in: a random value in a short-lived cookie
 * names it (only its keyed hash is stored), for five minutes and five codes at most; then the person starts again
 * with their password, which the sign-in throttle counts.
 */
@ApplicationScoped
public class SignInChallenges {

    static final String PREFIX = "ghc_";
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;

    private static final String INSERT = """
            insert into sign_in_challenge (id, token_hash, account_id, created_at, expires_at, return_to, user_agent,
                source_address) values ($1, $2, $3, $4, $5, $6, $7, $8)
            """;
    private static final String FIND = """
            select id, account_id, return_to, attempts from sign_in_challenge
            where token_hash = $1 and expires_at > $2 and attempts < $3
            """;
    private static final String ATTEMPT = "update sign_in_challenge set attempts = attempts + 1 where id = $1";
    private static final String DONE = "delete from sign_in_challenge where id = $1";

    /** A challenge in progress: whose, and where the browser goes once it is passed. */
    public record Challenge(UUID id, UUID accountId, String returnTo) {
    }

    private final Pool pool;
    private final OpaqueTokens tokens;
    private final Clock clock;

    public SignInChallenges(Pool pool, OpaqueTokens tokens, Clock clock) {
        this.pool = pool;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Starts one for the account; the answer is the cookie's value. */
    public Uni<String> start(UUID accountId, String returnTo, String userAgent, String address) {
        String value = tokens.newValue(PREFIX);
        Instant now = clock.instant();
        Tuple row = Tuple.tuple().addUUID(UUID.randomUUID()).addString(tokens.hashText(value)).addUUID(accountId)
                .addOffsetDateTime(at(now)).addOffsetDateTime(at(now.plus(LIFETIME))).addString(returnTo)
                .addString(userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length())))
                .addString(address);
        return Uni.createFrom().completionStage(() -> pool.preparedQuery(INSERT).execute(row).toCompletionStage())
                .replaceWith(value);
    }

    /** The live challenge the cookie names, if any. */
    public Uni<Optional<Challenge>> find(String cookieValue) {
        if (cookieValue == null || !cookieValue.startsWith(PREFIX) || cookieValue.length() > 100) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Uni.createFrom().completionStage(() -> pool.preparedQuery(FIND).execute(Tuple.of(
                        tokens.hashText(cookieValue), at(clock.instant()), MAX_ATTEMPTS)).toCompletionStage())
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new Challenge(r.getUUID("id"), r.getUUID("account_id"),
                            r.getString("return_to")));
                });
    }

    /** Counts a wrong code. */
    public Uni<Void> failed(Challenge challenge) {
        return Uni.createFrom().completionStage(() -> pool.preparedQuery(ATTEMPT).execute(Tuple.of(challenge.id()))
                .toCompletionStage()).replaceWithVoid();
    }

    /** Passed: the challenge is gone. */
    public Uni<Void> passed(Challenge challenge) {
        return Uni.createFrom().completionStage(() -> pool.preparedQuery(DONE).execute(Tuple.of(challenge.id()))
                .toCompletionStage()).replaceWithVoid();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
