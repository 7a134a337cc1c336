package dev.gatehouse.token.authorize;

import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What people approved apps to do for them, per person, app and company (table {@code consent}): read by the
 * authorization endpoint to skip the consent page, written when a person approves, listed and revoked through the
 * approved-integrations API.
 */
@ApplicationScoped
public class Consents {

    /** One person's approval of one app in one company. */
    public record Approval(UUID accountId, String clientId, UUID companyId, AppAsk approved, Instant grantedAt,
            Instant updatedAt) {
    }

    private static final String SELECT = "select account_id, client_id, company_id, scopes, permissions, granted_at, "
            + "updated_at from consent ";
    private static final String FIND = SELECT + "where account_id = $1 and client_id = $2 and company_id = $3";
    private static final String OF_ACCOUNT = SELECT + "where account_id = $1 order by updated_at desc, client_id";
    private static final String OF_COMPANY = SELECT
            + "where company_id = $1 order by updated_at desc, account_id, client_id";
    private static final String UPSERT = """
            insert into consent (account_id, client_id, company_id, scopes, permissions, granted_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $6)
            on conflict (account_id, client_id, company_id)
            do update set scopes = excluded.scopes, permissions = excluded.permissions, updated_at = excluded.updated_at
            """;
    private static final String DELETE = "delete from consent where account_id = $1 and client_id = $2 "
            + "and company_id = $3";

    private final Pool pool;
    private final Clock clock;

    public Consents(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Optional<Approval>> find(UUID accountId, String clientId, UUID companyId) {
        return find(pool, accountId, clientId, companyId);
    }

    private Uni<Optional<Approval>> find(SqlClient sql, UUID accountId, String clientId, UUID companyId) {
        return query(sql, FIND, Tuple.of(accountId, clientId, companyId)).map(found -> found.stream().findFirst());
    }

    /** Every approval of one person, newest first. */
    public Uni<List<Approval>> ofAccount(UUID accountId) {
        return query(pool, OF_ACCOUNT, Tuple.of(accountId));
    }

    /** Every approval in one company, newest first. */
    public Uni<List<Approval>> ofCompany(UUID companyId) {
        return query(pool, OF_COMPANY, Tuple.of(companyId));
    }

    /** Adds {@code more} to what the person approved for the app in the company (the first approval creates it). */
    Uni<Void> approve(SqlClient sql, UUID accountId, String clientId, UUID companyId, AppAsk more) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return find(sql, accountId, clientId, companyId).chain(existing -> {
            AppAsk all = existing.map(a -> a.approved().plus(more)).orElse(more);
            return Uni.createFrom().completionStage(() -> sql.preparedQuery(UPSERT).execute(Tuple.of(accountId,
                    clientId, companyId, String.join(" ", all.scopes()), all.permissionsJson(),
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC))).toCompletionStage()).replaceWithVoid();
        });
    }

    /** Forgets the approval, on the caller's connection; whether there was one. */
    public Uni<Boolean> remove(SqlClient sql, UUID accountId, String clientId, UUID companyId) {
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(DELETE)
                .execute(Tuple.of(accountId, clientId, companyId)).toCompletionStage())
                .map(rows -> rows.rowCount() > 0);
    }

    private static Uni<List<Approval>> query(SqlClient sql, String statement, Tuple values) {
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(statement).execute(values).toCompletionStage())
                .map(Consents::approvals);
    }

    private static List<Approval> approvals(RowSet<Row> rows) {
        List<Approval> all = new ArrayList<>();
        for (Row r : rows) {
            all.add(new Approval(r.getUUID("account_id"), r.getString("client_id"), r.getUUID("company_id"),
                    AppAsk.read(r.getString("scopes"), r.getString("permissions")),
                    r.getOffsetDateTime("granted_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant()));
        }
        return all;
    }
}
