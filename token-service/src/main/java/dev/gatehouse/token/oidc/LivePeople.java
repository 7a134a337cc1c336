package dev.gatehouse.token.oidc;

import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a person's access token still stands, judged from live data: the account is active and the token is not
 * older than its cut-off (disable, new password), and the grant it came from has not ended (sign-out, a replayed
 * code or refresh token). Used by userinfo and introspection; resource servers learn the same from
 * {@code TokenRevoked} events.
 */
@ApplicationScoped
public class LivePeople {

    private static final String READ = """
            select a.email, a.email_verified, a.display_name, a.status, a.tokens_valid_after,
                (select f.ended_at is not null from refresh_family f where f.id = $2) as grant_ended
            from account a where a.id = $1
            """;

    /** What userinfo tells about a person whose token stands. */
    public record Person(UUID accountId, String email, boolean emailVerified, String name) {
    }

    private final Pool pool;

    public LivePeople(Pool pool) {
        this.pool = pool;
    }

    /** {@code at} itself if it is a whole second, otherwise the next one. */
    public static Instant nextWholeSecond(Instant at) {
        Instant floor = at.truncatedTo(ChronoUnit.SECONDS);
        return floor.equals(at) ? at : floor.plusSeconds(1);
    }

    /** The person, if the token ({@code sub}, {@code grant_id}, {@code iat}) still stands. */
    public Uni<Optional<Person>> standing(String subject, String grantId, Instant issuedAt) {
        UUID accountId;
        UUID grant;
        try {
            accountId = UUID.fromString(subject);
            grant = grantId == null ? null : UUID.fromString(grantId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Uni.createFrom().completionStage(() -> pool.preparedQuery(READ).execute(Tuple.of(accountId, grant))
                .toCompletionStage()).map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    // Tokens carry whole-second iat: a token of the cut-off's own second is dead, as on every resource
                    // server (TokenRevoked's cut-off is the next whole second).
                    Instant cutoff = nextWholeSecond(row.getOffsetDateTime("tokens_valid_after").toInstant());
                    boolean ended = Boolean.TRUE.equals(row.getBoolean("grant_ended"));
                    if (!"active".equals(row.getString("status")) || issuedAt.isBefore(cutoff) || ended) {
                        return Optional.empty();
                    }
                    return Optional.of(new Person(accountId, row.getString("email"),
                            row.getBoolean("email_verified"), row.getString("display_name")));
                });
    }
}
