package dev.gatehouse.audit.report;

import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A developer's reports on one of their apps: its API activity across companies ({@code api_usage_daily} by its
 * client) and its installs ({@code AppInstalled}, {@code AppUninstalled} and the installation state every
 * installation event carries, from the trail).
 */
@ApplicationScoped
class AppReports {

    private static final String CLIENT = "select client_id from app_client where app_id = $1 and developer_org_id = $2";
    private static final String ACTIVITY = """
            select * from (
                select day, status, method, route, sum(calls) as requests,
                       lpad(status::text, 3, '0') || '|' || method || '|' || route as position
                from api_usage_daily where client_id = $1 and day between $2 and $3
                group by day, status, method, route) a
            where $4::date is null or (day, position) > ($4, $5)
            order by day, position limit $6
            """;
    private static final String INSTALL_DAYS = """
            select (occurred_at at time zone 'UTC')::date as day,
                   count(*) filter (where event_type = 'AppInstalled') as installed,
                   count(*) filter (where event_type = 'AppUninstalled') as uninstalled
            from audit_event where app_id = $1 and topic = 'apps.installation.v1'
                 and event_type in ('AppInstalled', 'AppUninstalled') and occurred_at >= $2 and occurred_at < $3
            group by 1 order by 1
            """;
    private static final String COMPANIES = """
            with states as (
                select distinct on (installation_id) installation_id, company_id,
                       payload::jsonb -> 'installation' ->> 'status' as status
                from audit_event where app_id = $1 and topic = 'apps.installation.v1'
                     and installation_id is not null and company_id is not null
                order by installation_id, occurred_at desc, seq desc
            ), dates as (
                select installation_id, min(occurred_at) filter (where event_type = 'AppInstalled') as installed_at,
                       max(occurred_at) filter (where event_type = 'AppUninstalled') as uninstalled_at
                from audit_event where app_id = $1 and topic = 'apps.installation.v1'
                     and event_type in ('AppInstalled', 'AppUninstalled')
                group by installation_id
            ), calls as (
                select installation_id, sum(calls) as requests, max(last_call_at) as last_used_at
                from api_usage_daily where client_id = $2 and day between $3 and $4 and installation_id is not null
                group by installation_id
            )
            select s.company_id, s.installation_id, s.status, d.installed_at, d.uninstalled_at,
                   coalesce(c.requests, 0) as requests, c.last_used_at
            from states s left join dates d using (installation_id) left join calls c using (installation_id)
            order by d.installed_at nulls last, s.installation_id
            """;

    private final Pool pool;

    AppReports(Pool pool) {
        this.pool = pool;
    }

    Uni<Page<AppActivity>> activity(UUID developerOrgId, UUID appId, Period period, PageRequest page) {
        LocalDate afterDay = page.after() == null ? null : LocalDate.ofInstant(page.after().time(), ZoneOffset.UTC);
        String afterPosition = page.after() == null ? null : page.after().id();
        return clientOf(developerOrgId, appId).chain(client -> pool.preparedQuery(ACTIVITY)
                .execute(Tuple.tuple().addValue(client).addValue(period.from()).addValue(period.to())
                        .addValue(afterDay).addValue(afterPosition).addValue(page.fetchSize()))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return page.page(list, r -> new PageRequest.Position(r.getLocalDate("day")
                            .atStartOfDay().toInstant(ZoneOffset.UTC), r.getString("position")),
                            r -> new AppActivity(r.getLocalDate("day"), r.getInteger("status"),
                                    r.getString("method"), r.getString("route"), r.getLong("requests")));
                }));
    }

    Uni<AppInstalls> installs(UUID developerOrgId, UUID appId, Period period) {
        OffsetDateTime start = period.from().atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = period.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        return clientOf(developerOrgId, appId).chain(client -> pool.withConnection(conn -> conn
                .preparedQuery(INSTALL_DAYS).execute(Tuple.of(appId, start, end))
                .chain(days -> conn.preparedQuery(COMPANIES)
                        .execute(Tuple.of(appId, client, period.from(), period.to()))
                        .map(companies -> {
                            List<AppInstalls.Day> perDay = new ArrayList<>();
                            days.forEach(r -> perDay.add(new AppInstalls.Day(r.getLocalDate("day"),
                                    r.getLong("installed"), r.getLong("uninstalled"))));
                            List<AppInstalls.Company> list = new ArrayList<>();
                            companies.forEach(r -> list.add(new AppInstalls.Company(r.getUUID("company_id"),
                                    r.getUUID("installation_id"), r.getString("status"), instant(r, "installed_at"),
                                    instant(r, "uninstalled_at"), r.getLong("requests"),
                                    instant(r, "last_used_at"))));
                            return new AppInstalls(appId, period.from(), period.to(), perDay, list);
                        }))));
    }

    /** The app's client id; 404 if the app is not this organization's (or not known here yet). */
    private Uni<String> clientOf(UUID developerOrgId, UUID appId) {
        return pool.preparedQuery(CLIENT).execute(Tuple.of(appId, developerOrgId)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("App", appId);
            }
            return rows.iterator().next().getString("client_id");
        });
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
