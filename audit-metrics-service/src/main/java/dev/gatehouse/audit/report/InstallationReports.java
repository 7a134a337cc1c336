package dev.gatehouse.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds an {@link InstallationReport} from the trail (the installation's own events, on
 * {@code apps.installation.v1}, each carry its whole state: {@code InstallationState}), the tokens ledger and the
 * usage table. Every query names the company, so another company's installation id finds nothing.
 */
@ApplicationScoped
class InstallationReports {

    private static final String HISTORY = """
            select event_type, actor_type, actor_id, occurred_at, payload from audit_event
            where company_id = $1 and installation_id = $2 and topic = 'apps.installation.v1'
            order by occurred_at desc, seq desc limit 101
            """;
    private static final String INSTALLED = """
            select event_type, actor_type, actor_id, occurred_at from audit_event
            where company_id = $1 and installation_id = $2 and topic = 'apps.installation.v1'
                  and event_type = 'AppInstalled'
            order by occurred_at limit 1
            """;
    private static final String LAST_USED = """
            select max(last_call_at) as last_used_at from api_usage_daily
            where company_id = $1 and installation_id = $2
            """;
    private static final String PEOPLE = """
            select coalesce(t.account_id, u.account_id) as account_id, coalesce(t.tokens, 0) as tokens,
                   t.last_issued_at, coalesce(u.calls, 0) as calls, u.last_call_at
            from (select account_id, sum(tokens) as tokens, max(last_issued_at) as last_issued_at
                  from token_issuance_daily where company_id = $1 and installation_id = $2
                  and account_id is not null and day between $3 and $4 group by account_id) t
            full join (select account_id, sum(calls) as calls, max(last_call_at) as last_call_at
                  from api_usage_daily where company_id = $1 and installation_id = $2
                  and account_id is not null and day between $3 and $4 group by account_id) u
            on u.account_id = t.account_id
            order by greatest(t.last_issued_at, u.last_call_at) desc nulls last, 1
            """;
    private static final String TOKENS = """
            select day, kind, sum(tokens) as tokens from token_issuance_daily
            where company_id = $1 and installation_id = $2 and day between $3 and $4
            group by day, kind order by day, kind
            """;

    private final Pool pool;

    InstallationReports(Pool pool) {
        this.pool = pool;
    }

    /** The report, or null if the trail has no event of this installation in this company. */
    Uni<InstallationReport> report(UUID companyId, UUID installationId, Period period) {
        Tuple ids = Tuple.of(companyId, installationId);
        Tuple inPeriod = Tuple.of(companyId, installationId, period.from(), period.to());
        return pool.withConnection(conn -> conn.preparedQuery(HISTORY).execute(ids).chain(history -> {
            if (history.size() == 0) {
                return Uni.createFrom().nullItem();
            }
            return query(conn, INSTALLED, ids).chain(installed -> query(conn, LAST_USED, ids)
                    .chain(lastUsed -> query(conn, PEOPLE, inPeriod)
                    .chain(people -> query(conn, TOKENS, inPeriod)
                    .map(tokens -> build(companyId, installationId, period, history, installed, lastUsed, people,
                            tokens)))));
        }));
    }

    private static Uni<RowSet<Row>> query(SqlConnection conn, String sql, Tuple params) {
        return conn.preparedQuery(sql).execute(params);
    }

    private static InstallationReport build(UUID companyId, UUID installationId, Period period, RowSet<Row> history,
            RowSet<Row> installed, RowSet<Row> lastUsed, RowSet<Row> people, RowSet<Row> tokens) {
        List<InstallationReport.Change> changes = new ArrayList<>();
        JsonNode state = null;
        for (Row r : history) {
            if (state == null) {
                state = json(r.getString("payload")).path("installation");
            }
            if (changes.size() < 100) {
                changes.add(change(r));
            }
        }
        List<UUID> projects = new ArrayList<>();
        state.path("projectIds").forEach(p -> {
            UUID id = uuid(p);
            if (id != null) {
                projects.add(id);
            }
        });
        List<InstallationReport.Person> persons = new ArrayList<>();
        for (Row r : people) {
            persons.add(new InstallationReport.Person(r.getUUID("account_id"), r.getLong("tokens"),
                    instant(r, "last_issued_at"), r.getLong("calls"), instant(r, "last_call_at")));
        }
        List<InstallationReport.TokensOnDay> perDay = new ArrayList<>();
        for (Row r : tokens) {
            perDay.add(new InstallationReport.TokensOnDay(r.getLocalDate("day"), r.getString("kind"),
                    r.getLong("tokens")));
        }
        Row first = installed.iterator().hasNext() ? installed.iterator().next() : null;
        return new InstallationReport(companyId, installationId, uuid(state.path("appId")),
                state.path("appName").asText(null), state.path("version").asText(null),
                state.path("status").asText(null), state.path("projectAccess").asText(null), projects,
                first == null ? null : change(first), changes, instant(lastUsed.iterator().next(), "last_used_at"),
                period.from(), period.to(), persons, perDay);
    }

    private static InstallationReport.Change change(Row r) {
        return new InstallationReport.Change(r.getString("event_type"),
                new Actor(r.getString("actor_type"), r.getString("actor_id")), instant(r, "occurred_at"));
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UUID uuid(JsonNode node) {
        try {
            return node.isTextual() ? UUID.fromString(node.asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
