package dev.gatehouse.token.refresh;

import dev.gatehouse.token.SignInConfig;
import dev.gatehouse.token.crypto.OpaqueTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens, one database row per grant (a "family"). A token is {@value #PREFIX} and, base64url, the family
 * id, a generation number and HMAC-SHA256 of both under the server's key: the server can tell every token it ever
 * issued without storing any, and a stolen table cannot make one. A refresh moves the family to the next generation
 * in one conditional UPDATE (rotation, and the row lock that makes two concurrent uses of one token end with one
 * winner); presenting an earlier generation means two parties hold the token, so the family ends and both must
 * sign in again (RFC 9700 §4.14.2). Statements run on the caller's connection, inside its transaction.
 */
@ApplicationScoped
public class RefreshTokens {

    public static final String PREFIX = "gatehouse_rt_";
    private static final int ID_BYTES = 16;
    private static final int GENERATION_BYTES = 4;
    private static final int MAC_BYTES = 32;
    private static final String INSERT = """
            insert into refresh_family (id, client_id, account_id, session_id, scope, auth_time, amr, generation,
                created_at, last_refreshed_at, expires_at, absolute_expires_at, company_id, installation_id)
            values ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8, $9, $10, $11, $12)
            """;
    /** Rotation: only the current generation of a live family moves on; the account comes along for its checks. */
    private static final String ROTATE = """
            update refresh_family f set generation = f.generation + 1, last_refreshed_at = $3,
                expires_at = least($4, f.absolute_expires_at)
            from account a
            where f.id = $1 and f.generation = $2 and f.ended_at is null and f.expires_at > $3 and a.id = f.account_id
            returning f.client_id, f.account_id, f.session_id, f.scope, f.auth_time, f.amr, f.generation,
                f.created_at, f.company_id, f.installation_id, a.status, a.tokens_valid_after, a.platform_admin,
                a.email, a.email_verified, a.display_name
            """;
    /**
     * Many rotations in one statement, for a batch of refreshes ({@code grant.RefreshBatch}). Only the plain case
     * rotates here: the right generation and client, a live family, an active account, nothing cut off; anything
     * else is left untouched for the one-by-one path to refuse as it does.
     */
    private static final String ROTATE_ALL = """
            update refresh_family f set generation = f.generation + 1, last_refreshed_at = $5,
                expires_at = least($6, f.absolute_expires_at)
            from account a, unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[]) as v(id, gen, client, cutoff)
            where f.id = v.id and f.generation = v.gen and f.client_id = v.client and f.ended_at is null
                and f.expires_at > $5 and a.id = f.account_id and a.status = 'active'
                and f.created_at >= a.tokens_valid_after and f.created_at >= v.cutoff
            returning f.id, f.client_id, f.account_id, f.session_id, f.scope, f.auth_time, f.amr, f.generation,
                f.created_at, f.company_id, f.installation_id, a.status, a.tokens_valid_after, a.platform_admin,
                a.email, a.email_verified, a.display_name
            """;
    private static final String UNROTATE = "update refresh_family set generation = generation - 1 where id = any($1)";
    private static final String STATE = "select generation, ended_at from refresh_family where id = $1";
    private static final String END = """
            update refresh_family set ended_at = $2, end_reason = $3 where id = $1 and ended_at is null
            """;
    private static final String END_SESSION = """
            update refresh_family set ended_at = $2, end_reason = $3 where session_id = $1 and ended_at is null
            returning id, client_id
            """;
    private static final String END_ACCOUNT = """
            update refresh_family set ended_at = $2, end_reason = $3 where account_id = $1 and ended_at is null
            """;
    private static final String END_INTEGRATION = """
            update refresh_family set ended_at = $4, end_reason = $5
            where account_id = $1 and client_id = $2 and company_id = $3 and ended_at is null
            returning id, client_id
            """;

    /**
     * A family as a refresh finds it after rotating it, with what the grant needs to know about its account;
     * {@code companyId} and {@code installationId} are set for an app acting for the person.
     */
    public record Rotated(UUID familyId, String clientId, UUID accountId, UUID sessionId, List<String> scopes,
            Instant authTime, String amr, int generation, Instant createdAt, UUID companyId, UUID installationId,
            String accountStatus,
            Instant accountTokensValidAfter, boolean platformAdmin, String email, boolean emailVerified,
            String displayName) {
    }

    /** Why a presented token got nothing. */
    public enum Refusal { UNKNOWN, REUSED, ENDED_OR_EXPIRED }

    /** The outcome of a refresh: the rotated family and the successor token, or why not. */
    public record Outcome(Optional<Rotated> rotated, String successor, Refusal refusal) {
    }

    private final OpaqueTokens tokens;
    private final SignInConfig config;
    private final Clock clock;

    public RefreshTokens(OpaqueTokens tokens, SignInConfig config, Clock clock) {
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    private static final String INSERT_ALL = """
            insert into refresh_family (id, client_id, account_id, session_id, scope, auth_time, amr, generation,
                created_at, last_refreshed_at, expires_at, absolute_expires_at)
            select id, client, account, session, scope, auth, amr, 1, $8, $8, $9, $10
            from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[], $7::text[])
                as t(id, client, account, session, scope, auth, amr)
            """;

    /** A family to start, for {@link #startAll}. */
    public record Start(UUID familyId, String clientId, UUID accountId, UUID sessionId, List<String> scopes,
            Instant authTime, String amr) {
    }

    /** The first token of a family (it is derived, so it can be handed out before the family's row is written). */
    public String firstToken(UUID familyId) {
        return token(familyId, 1);
    }

    /** Starts many families in one statement (a batch of code exchanges). */
    public Uni<Void> startAll(SqlClient sql, List<Start> starts) {
        if (starts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = now();
        Instant absolute = now.plus(config.refreshGrantMaxAge());
        Instant idle = min(now.plus(config.refreshTokenLifetime()), absolute);
        Tuple values = Tuple.of(starts.stream().map(Start::familyId).toArray(UUID[]::new),
                starts.stream().map(Start::clientId).toArray(String[]::new),
                starts.stream().map(Start::accountId).toArray(UUID[]::new),
                starts.stream().map(Start::sessionId).toArray(UUID[]::new),
                starts.stream().map(st -> String.join(" ", st.scopes())).toArray(String[]::new),
                starts.stream().map(st -> at(st.authTime())).toArray(OffsetDateTime[]::new),
                starts.stream().map(Start::amr).toArray(String[]::new));
        values.addOffsetDateTime(at(now)).addOffsetDateTime(at(idle)).addOffsetDateTime(at(absolute));
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(INSERT_ALL).execute(values)
                .toCompletionStage()).replaceWithVoid();
    }

    /**
     * Starts a family (generation 1) and returns its first token; {@code companyId} and {@code installationId}
     * bind an app's grant to the company and installation the person authorized it in (null otherwise).
     */
    public Uni<String> start(SqlClient sql, UUID familyId, String clientId, UUID accountId, UUID sessionId,
            List<String> scopes, Instant authTime, String amr, UUID companyId, UUID installationId) {
        Instant now = now();
        Instant absolute = now.plus(config.refreshGrantMaxAge());
        Instant idle = min(now.plus(config.refreshTokenLifetime()), absolute);
        Tuple values = Tuple.from(Arrays.asList(familyId, clientId, accountId, sessionId, String.join(" ", scopes),
                at(authTime), amr, at(now), at(idle), at(absolute), companyId, installationId));
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(INSERT).execute(values).toCompletionStage())
                .replaceWith(() -> token(familyId, 1));
    }

    /** A refresh token that is well formed and ours: its family and generation. */
    public record Presented(UUID familyId, int generation) {
    }

    /** What a refresh token names, if it is one of ours (its MAC checks). */
    public Optional<Presented> presented(String value) {
        return parse(value).map(p -> new Presented(p.familyId(), p.generation()));
    }

    /** One refresh of a batch: the token presented, by which client, and that client's token cut-off. */
    public record Ask(Presented presented, String clientId, Instant clientCutoff) {
    }

    /**
     * Rotates, in one statement, every family of {@code asks} that can simply be rotated (see {@link #ROTATE_ALL});
     * the answer maps each rotated family to its new state and successor token. The caller makes sure no family
     * appears twice.
     */
    public Uni<Map<UUID, Outcome>> rotateAll(SqlClient sql, List<Ask> asks) {
        Instant now = now();
        UUID[] ids = asks.stream().map(a -> a.presented().familyId()).toArray(UUID[]::new);
        Integer[] generations = asks.stream().map(a -> a.presented().generation()).toArray(Integer[]::new);
        String[] clients = asks.stream().map(Ask::clientId).toArray(String[]::new);
        OffsetDateTime[] cutoffs = asks.stream().map(a -> at(a.clientCutoff())).toArray(OffsetDateTime[]::new);
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(ROTATE_ALL).execute(Tuple.of(ids,
                        generations, clients, cutoffs, at(now), at(now.plus(config.refreshTokenLifetime()))))
                .toCompletionStage()).map(rows -> {
                    Map<UUID, Outcome> rotated = new HashMap<>();
                    for (Row row : rows) {
                        Rotated r = rotated(row.getUUID("id"), row);
                        rotated.put(r.familyId(), new Outcome(Optional.of(r), token(r.familyId(), r.generation()),
                                null));
                    }
                    return rotated;
                });
    }

    /**
     * Takes back rotations of this transaction whose refresh the grant then refused (a company the person is no one
     * in, a scope beyond the grant's): the presented token stays good, as if it had not been tried.
     */
    public Uni<Void> unrotate(SqlClient sql, List<UUID> families) {
        if (families.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(UNROTATE)
                .execute(Tuple.of((Object) families.toArray(UUID[]::new))).toCompletionStage()).replaceWithVoid();
    }

    /** Rotates the family {@code value} names, or says why it cannot. */
    public Uni<Outcome> rotate(SqlClient sql, String value) {
        Optional<Parsed> parsed = parse(value);
        if (parsed.isEmpty()) {
            return Uni.createFrom().item(new Outcome(Optional.empty(), null, Refusal.UNKNOWN));
        }
        UUID family = parsed.get().familyId();
        int generation = parsed.get().generation();
        Instant now = now();
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(ROTATE).execute(Tuple.of(family, generation,
                        at(now), at(now.plus(config.refreshTokenLifetime())))).toCompletionStage())
                .chain(rows -> {
                    if (rows.rowCount() == 1) {
                        Rotated r = rotated(family, rows.iterator().next());
                        return Uni.createFrom().item(new Outcome(Optional.of(r), token(family, r.generation()),
                                null));
                    }
                    return refusal(sql, family, generation);
                });
    }

    /** Ends the family (idempotent). */
    public Uni<Void> end(SqlClient sql, UUID familyId, String reason) {
        return update(sql, END, familyId, reason);
    }

    /** A family that was just ended, so its access tokens can be revoked too. */
    public record Ended(UUID familyId, String clientId) {
    }

    /** Ends every family of a sign-in session (RP-initiated logout); returns the families it ended. */
    public Uni<List<Ended>> endSession(SqlClient sql, UUID sessionId, String reason) {
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(END_SESSION)
                .execute(Tuple.of(sessionId, at(now()), reason)).toCompletionStage())
                .map(rows -> {
                    List<Ended> ended = new java.util.ArrayList<>();
                    rows.forEach(row -> ended.add(new Ended(row.getUUID("id"), row.getString("client_id"))));
                    return ended;
                });
    }

    /** Ends every grant an app got from the person in the company (an approval revoked); returns them. */
    public Uni<List<Ended>> endIntegration(SqlClient sql, UUID accountId, String clientId, UUID companyId,
            String reason) {
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(END_INTEGRATION)
                .execute(Tuple.of(accountId, clientId, companyId, at(now()), reason)).toCompletionStage())
                .map(rows -> {
                    List<Ended> ended = new java.util.ArrayList<>();
                    rows.forEach(row -> ended.add(new Ended(row.getUUID("id"), row.getString("client_id"))));
                    return ended;
                });
    }

    /** Ends every family of an account (disabled, password changed). */
    public Uni<Void> endAccount(SqlClient sql, UUID accountId, String reason) {
        return update(sql, END_ACCOUNT, accountId, reason);
    }

    /** The family a token names, if it is one this server made (whatever its generation). */
    public Optional<UUID> familyOf(String value) {
        return parse(value).map(Parsed::familyId);
    }

    private Uni<Void> update(SqlClient sql, String statement, UUID id, String reason) {
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(statement)
                .execute(Tuple.of(id, at(now()), reason)).toCompletionStage()).replaceWithVoid();
    }

    /** Nothing rotated: an earlier generation of a live family is a reuse, which ends it; anything else is dead. */
    private Uni<Outcome> refusal(SqlClient sql, UUID family, int generation) {
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(STATE).execute(Tuple.of(family))
                .toCompletionStage()).chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(new Outcome(Optional.empty(), null, Refusal.UNKNOWN));
                    }
                    Row row = rows.iterator().next();
                    boolean live = row.getValue("ended_at") == null;
                    if (live && row.getInteger("generation") > generation) {
                        return end(sql, family, "refresh_token_reused")
                                .replaceWith(new Outcome(Optional.empty(), null, Refusal.REUSED));
                    }
                    return Uni.createFrom().item(new Outcome(Optional.empty(), null, Refusal.ENDED_OR_EXPIRED));
                });
    }

    private String token(UUID familyId, int generation) {
        ByteBuffer body = ByteBuffer.allocate(ID_BYTES + GENERATION_BYTES + MAC_BYTES);
        body.putLong(familyId.getMostSignificantBits()).putLong(familyId.getLeastSignificantBits())
                .putInt(generation).put(mac(familyId, generation));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
    }

    private Optional<Parsed> parse(String value) {
        if (value == null || !value.startsWith(PREFIX) || value.length() > 100) {
            return Optional.empty();
        }
        byte[] body;
        try {
            body = Base64.getUrlDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (body.length != ID_BYTES + GENERATION_BYTES + MAC_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(body);
        UUID family = new UUID(buffer.getLong(), buffer.getLong());
        int generation = buffer.getInt();
        byte[] mac = Arrays.copyOfRange(body, ID_BYTES + GENERATION_BYTES, body.length);
        return MessageDigest.isEqual(mac, mac(family, generation)) ? Optional.of(new Parsed(family, generation))
                : Optional.empty();
    }

    /** Domain-separated from every other keyed hash made with the same key. */
    private byte[] mac(UUID familyId, int generation) {
        return tokens.hash("refresh_token:" + familyId + ":" + generation);
    }

    private static Rotated rotated(UUID family, Row row) {
        String scope = row.getString("scope");
        return new Rotated(family, row.getString("client_id"), row.getUUID("account_id"), row.getUUID("session_id"),
                scope.isBlank() ? List.of() : List.of(scope.split(" ")),
                row.getOffsetDateTime("auth_time").toInstant(), row.getString("amr"), row.getInteger("generation"),
                row.getOffsetDateTime("created_at").toInstant(), row.getUUID("company_id"),
                row.getUUID("installation_id"), row.getString("status"),
                row.getOffsetDateTime("tokens_valid_after").toInstant(), row.getBoolean("platform_admin"),
                row.getString("email"), row.getBoolean("email_verified"), row.getString("display_name"));
    }

    private record Parsed(UUID familyId, int generation) {
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
