package dev.gatehouse.token.authorize;

import dev.gatehouse.token.crypto.OpaqueTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

/**
 * Consent pages shown and waiting for an answer (table {@code consent_request}). The page's form carries a random
 * ticket; only its keyed hash is stored, with the sign-in session it was shown to. An answer counts once, from the
 * same session, within {@link #LIFETIME}: a replayed form finds the ticket answered, a forged one finds none, and
 * one posted from another session (a stolen page) finds none of its own.
 */
@ApplicationScoped
public class ConsentRequests {

    static final String PREFIX = "gatehouse_ct_";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String INSERT = """
            insert into consent_request (ticket_hash, session_id, account_id, client_id, company_id, installation_id,
                query, redirect_uri, state, scopes, permissions, created_at, expires_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            """;
    private static final String ANSWER = """
            update consent_request set answered_at = $3
            where ticket_hash = $1 and session_id = $2 and answered_at is null and expires_at > $3
            returning account_id, client_id, company_id, installation_id, query, redirect_uri, state, scopes,
                permissions
            """;
    private static final String STATE = """
            select answered_at is not null as answered from consent_request where ticket_hash = $1 and session_id = $2
            """;

    /** What the page asked and where the answer goes. */
    record Pending(UUID accountId, String clientId, UUID companyId, UUID installationId, String query,
            String redirectUri, String state, AppAsk asked) {
    }

    /** Why a posted answer is not taken. */
    enum Refusal { UNKNOWN, ANSWERED, EXPIRED }

    /** The answer's outcome: the pending request it answers, or why none. */
    record Answer(Pending pending, Refusal refusal) {
    }

    private final Pool pool;
    private final OpaqueTokens tokens;
    private final Clock clock;

    public ConsentRequests(Pool pool, OpaqueTokens tokens, Clock clock) {
        this.pool = pool;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Stores the request shown to {@code sessionId}; returns the ticket for the page's form. */
    Uni<String> open(UUID sessionId, Pending pending) {
        String ticket = tokens.newValue(PREFIX);
        Instant now = now();
        Tuple values = Tuple.from(Arrays.asList(tokens.hashText(ticket), sessionId, pending.accountId(),
                pending.clientId(), pending.companyId(), pending.installationId(), pending.query(),
                pending.redirectUri(), pending.state(), String.join(" ", pending.asked().scopes()),
                pending.asked().permissionsJson(), at(now), at(now.plus(LIFETIME))));
        return Uni.createFrom().completionStage(() -> pool.preparedQuery(INSERT).execute(values).toCompletionStage())
                .replaceWith(ticket);
    }

    /** Marks the ticket answered, once, if it is this session's and still open; on the caller's connection. */
    Uni<Answer> answer(SqlClient sql, String ticket, UUID sessionId) {
        if (ticket == null || !ticket.startsWith(PREFIX) || ticket.length() > 100) {
            return Uni.createFrom().item(new Answer(null, Refusal.UNKNOWN));
        }
        String hash = tokens.hashText(ticket);
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(ANSWER)
                .execute(Tuple.of(hash, sessionId, at(now()))).toCompletionStage()).chain(rows -> {
                    if (rows.rowCount() == 1) {
                        Row r = rows.iterator().next();
                        return Uni.createFrom().item(new Answer(new Pending(r.getUUID("account_id"),
                                r.getString("client_id"), r.getUUID("company_id"), r.getUUID("installation_id"),
                                r.getString("query"), r.getString("redirect_uri"), r.getString("state"),
                                AppAsk.read(r.getString("scopes"), r.getString("permissions"))), null));
                    }
                    return Uni.createFrom().completionStage(() -> sql.preparedQuery(STATE)
                            .execute(Tuple.of(hash, sessionId)).toCompletionStage()).map(found -> new Answer(null,
                            found.rowCount() == 0 ? Refusal.UNKNOWN
                                    : found.iterator().next().getBoolean("answered") ? Refusal.ANSWERED
                                    : Refusal.EXPIRED));
                });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
