package dev.gatehouse.token.authorize;

import dev.gatehouse.token.SignInConfig;
import dev.gatehouse.token.crypto.OpaqueTokens;
import dev.gatehouse.token.session.SignInSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Authorization codes: made for a signed-in session at the authorization endpoint, redeemed once at the token
 * endpoint ({@code grant/AuthorizationCodeGrant}). Only the code's keyed hash is stored.
 */
@ApplicationScoped
public class AuthorizationCodes {

    /** Codes start with this, so a leaked one is recognisable and never taken for another kind of value. */
    public static final String PREFIX = "gatehouse_ac_";
    /** Redeems a code once, with its account and session in the same statement. */
    private static final String REDEEM = """
            update authorization_code c set redeemed_at = $2
            from account a, sign_in_session s
            where c.code_hash = $1 and c.redeemed_at is null and a.id = c.account_id and s.id = c.session_id
            returning c.client_id, c.account_id, c.session_id, c.redirect_uri, c.code_challenge, c.scope, c.nonce,
                c.auth_time, c.amr, c.expires_at, c.family_id, c.company_id, c.installation_id, a.status,
                a.tokens_valid_after, a.platform_admin, a.email, a.email_verified, a.display_name,
                s.created_at as session_created_at,
                s.ended_at as session_ended_at, s.expires_at as session_expires_at
            """;
    /** Many redemptions in one statement, for a batch of exchanges ({@code grant.ExchangeBatch}). */
    private static final String REDEEM_ALL = """
            update authorization_code c set redeemed_at = $2
            from account a, sign_in_session s, unnest($1::text[]) as v(h)
            where c.code_hash = v.h and c.redeemed_at is null and a.id = c.account_id and s.id = c.session_id
            returning c.code_hash, c.client_id, c.account_id, c.session_id, c.redirect_uri, c.code_challenge, c.scope,
                c.nonce, c.auth_time, c.amr, c.expires_at, c.family_id, c.company_id, c.installation_id, a.status,
                a.tokens_valid_after, a.platform_admin, a.email, a.email_verified, a.display_name,
                s.created_at as session_created_at, s.ended_at as session_ended_at, s.expires_at as session_expires_at
            """;
    private static final String UNREDEEM = "update authorization_code set redeemed_at = null where code_hash = any($1)";
    private static final String FIND = "select client_id, family_id from authorization_code where code_hash = $1";

    /** What redeeming a code found. */
    public sealed interface Redemption {
        /** Redeemed now (the first time). */
        record Redeemed(String clientId, UUID accountId, UUID sessionId, String redirectUri, String codeChallenge,
                List<String> scopes, String nonce, Instant authTime, String amr, Instant expiresAt, UUID familyId,
                UUID companyId, UUID installationId, boolean accountActive, Instant accountTokensValidAfter,
                boolean platformAdmin, String email, boolean emailVerified, String displayName,
                Instant sessionCreatedAt, boolean sessionLive)
                implements Redemption {
        }

        /** Redeemed before: a replay (RFC 6749 §4.1.2), whose grant must end. */
        record Replayed(String clientId, UUID familyId) implements Redemption {
        }

        record Unknown() implements Redemption {
        }
    }

    private final AuthorizationCodeRepository codes;
    private final OpaqueTokens tokens;
    private final SignInConfig config;
    private final Clock clock;

    public AuthorizationCodes(AuthorizationCodeRepository codes, OpaqueTokens tokens, SignInConfig config,
            Clock clock) {
        this.codes = codes;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    /** The stored form of a code, if it is well formed. */
    public Optional<String> hashOf(String code) {
        if (code == null || !code.startsWith(PREFIX) || code.length() > 100) {
            return Optional.empty();
        }
        return Optional.of(tokens.hashText(code));
    }

    /** Redeems, in one statement, every code of {@code hashes} not redeemed before; keyed by hash. */
    public Uni<Map<String, Redemption.Redeemed>> redeemAll(SqlClient sql, List<String> hashes) {
        Instant now = now();
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(REDEEM_ALL).execute(Tuple.of(
                        hashes.toArray(String[]::new), OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .toCompletionStage()).map(rows -> {
                    Map<String, Redemption.Redeemed> redeemed = new HashMap<>();
                    for (Row row : rows) {
                        redeemed.put(row.getString("code_hash"), redeemed(row, now));
                    }
                    return redeemed;
                });
    }

    /** Gives codes of this transaction back: their exchange was refused, which does not use a code up. */
    public Uni<Void> unredeem(SqlClient sql, List<String> hashes) {
        if (hashes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(UNREDEEM)
                .execute(Tuple.of((Object) hashes.toArray(String[]::new))).toCompletionStage()).replaceWithVoid();
    }

    /** Redeems {@code code} on the caller's connection, inside its transaction. */
    public Uni<Redemption> redeem(SqlClient sql, String code) {
        if (code == null || !code.startsWith(PREFIX) || code.length() > 100) {
            return Uni.createFrom().item(new Redemption.Unknown());
        }
        String hash = tokens.hashText(code);
        Instant now = now();
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(REDEEM)
                .execute(Tuple.of(hash, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))).toCompletionStage())
                .chain(rows -> {
                    if (rows.rowCount() == 1) {
                        return Uni.createFrom().item(redeemed(rows.iterator().next(), now));
                    }
                    return Uni.createFrom().completionStage(() -> sql.preparedQuery(FIND).execute(Tuple.of(hash))
                            .toCompletionStage()).map(found -> found.rowCount() == 0 ? new Redemption.Unknown()
                            : new Redemption.Replayed(found.iterator().next().getString("client_id"),
                                    found.iterator().next().getUUID("family_id")));
                });
    }

    private static Redemption.Redeemed redeemed(Row row, Instant now) {
        String scope = row.getString("scope");
        Instant sessionEnded = instant(row, "session_ended_at");
        return new Redemption.Redeemed(row.getString("client_id"), row.getUUID("account_id"),
                row.getUUID("session_id"), row.getString("redirect_uri"), row.getString("code_challenge"),
                scope.isBlank() ? List.of() : List.of(scope.split(" ")), row.getString("nonce"),
                instant(row, "auth_time"), row.getString("amr"), instant(row, "expires_at"), row.getUUID("family_id"),
                row.getUUID("company_id"), row.getUUID("installation_id"), "active".equals(row.getString("status")),
                instant(row, "tokens_valid_after"),
                row.getBoolean("platform_admin"), row.getString("email"), row.getBoolean("email_verified"),
                row.getString("display_name"), instant(row, "session_created_at"),
                sessionEnded == null && instant(row, "session_expires_at").isAfter(now));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A new code for this request and session; returns the code, which exists nowhere else. */
    public Uni<String> issue(AuthorizationRequest request, SignInSession session) {
        return issue(request, session.accountId, session.id, session.authTime, session.amr, null);
    }

    /**
     * A new code for this request, signed in as the session's values say; {@code installationId} is the
     * installation an app acts through in the request's company (null for a first-party application).
     */
    public Uni<String> issue(AuthorizationRequest request, UUID accountId, UUID sessionId, Instant authTime,
            String amr, UUID installationId) {
        Instant now = now();
        String code = tokens.newValue(PREFIX);
        AuthorizationCode c = new AuthorizationCode();
        c.codeHash = tokens.hashText(code);
        c.clientId = request.client().clientId();
        c.accountId = accountId;
        c.sessionId = sessionId;
        c.redirectUri = request.target().redirectUri();
        c.codeChallenge = request.codeChallenge();
        c.scope = String.join(" ", request.scopes());
        c.nonce = request.nonce();
        c.authTime = authTime;
        c.amr = amr;
        c.companyId = request.company().orElse(null);
        c.installationId = installationId;
        c.createdAt = now;
        c.expiresAt = now.plus(config.codeLifetime());
        c.familyId = UUID.randomUUID();
        return Panache.withTransaction(() -> codes.persist(c)).replaceWith(code);
    }
}
