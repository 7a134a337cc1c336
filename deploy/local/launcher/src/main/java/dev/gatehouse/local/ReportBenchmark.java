package dev.gatehouse.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code bench-reports}: audit-metrics-service's reports for a company with many installed apps and a year of daily
 * data, timed from a client (issue 14: each under 200 ms at p99).
 * <p>
 * The data is generated straight into the {@code audit} schema of the running stack's PostgreSQL, with
 * {@code generate_series}, as the consumers would have written it after a year: per installed app and day, API calls
 * on 5 of the company's 20 projects × 2 statuses × 3 routes and for 2 people; 24 installation tokens and 2 tokens for
 * each of 2 people; 4 {@code TokenIssued} entries in the trail; per app an install and three project changes (with
 * their installation state), the trail's entries hash-chained by the database's {@code audit_entry_hash}; plus 20
 * service accounts' tokens; the inventory's per-credential rows summed from those days. Then each report is asked
 * {@code --requests} times in a row after a warm-up, as the platform admin (the same queries as a company admin's
 * or developer's), and its latency percentiles printed.
 */
final class ReportBenchmark {

    private ReportBenchmark() {
    }

    static int run(Map<String, String> options) throws Exception {
        int apps = Integer.parseInt(options.getOrDefault("apps", "100"));
        int days = Integer.parseInt(options.getOrDefault("days", "365"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "200"));
        String audit = options.getOrDefault("audit", "http://localhost:8084");
        String jdbc = options.getOrDefault("jdbc-url", "jdbc:postgresql://"
                + env("GATEHOUSE_DB_HOST", "localhost") + ":" + env("GATEHOUSE_DB_PORT", "5432") + "/"
                + env("GATEHOUSE_DB_NAME", "postgres"));
        UUID company = UUID.randomUUID();
        UUID org = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        String app;
        String installation;
        try (Connection c = DriverManager.getConnection(jdbc, env("GATEHOUSE_AUDIT_DB_USER", "audit"),
                env("GATEHOUSE_AUDIT_DB_PASSWORD", ""))) {
            long t0 = System.nanoTime();
            generate(c, company, org, apps, days);
            System.out.printf("generated a company with %d installed apps and %d days in %.1f s: %s%n", apps, days,
                    (System.nanoTime() - t0) / 1e9, counts(c, company));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select app_id, installation_id from bench_app where i = " + (apps / 2))) {
                rs.next();
                app = rs.getString(1);
                installation = rs.getString(2);
            }
        }
        String token = AdminClient.from(Path.of(Launcher.require(options, "dir"))).token();
        String period = "from=" + first + "&to=" + today;
        String base = audit + "/companies/" + company;
        List<String[]> reports = List.of(
                new String[] {"access-token inventory (first 200)", base + "/access-tokens?limit=200", "json"},
                new String[] {"access-token inventory, CSV", base + "/access-tokens?limit=200", "csv"},
                new String[] {"installation usage, a year", base + "/installations/" + installation + "/usage?"
                        + period, "json"},
                new String[] {"installation report, a year", base + "/installations/" + installation + "/report?"
                        + period, "json"},
                new String[] {"developer activity, a year (200)", audit + "/developer-orgs/" + org + "/apps/" + app
                        + "/activity?limit=200&" + period, "json"},
                new String[] {"developer installs, a year", audit + "/developer-orgs/" + org + "/apps/" + app
                        + "/installs?" + period, "json"},
                new String[] {"audit trail by installation", audit + "/audit/events?companyId=" + company
                        + "&installationId=" + installation + "&limit=50", "json"},
                new String[] {"audit trail by app", audit + "/audit/events?companyId=" + company + "&appId=" + app
                        + "&limit=50", "json"});
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("%-36s %8s %8s %8s %8s %8s%n", "report", "p50 ms", "p90 ms", "p99 ms", "max ms", "bytes");
        for (String[] r : reports) {
            time(http, token, r[0], r[1], r[2], requests);
        }
        time(http, token, "hash chain verification (whole)", base + "/audit/verification", "json",
                Math.max(3, requests / 20));
        return 0;
    }

    private static void time(HttpClient http, String token, String name, String url, String type, int requests)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", type.equals("csv") ? "text/csv" : "application/json").GET().build();
        int bytes = 0;
        for (int i = 0; i < Math.min(20, requests); i++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + ": " + response.statusCode() + " " + response.body());
            }
            bytes = response.body().length();
        }
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + ": " + response.statusCode());
            }
        }
        Arrays.sort(ms);
        System.out.printf("%-36s %8.1f %8.1f %8.1f %8.1f %8d%n", name, pct(ms, 50), pct(ms, 90), pct(ms, 99),
                ms[ms.length - 1], bytes);
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String counts(Connection c, UUID company) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String table : List.of("api_usage_daily", "token_issuance_daily", "audit_event")) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + table
                    + " where company_id = '" + company + "'")) {
                rs.next();
                out.add(table + " " + rs.getLong(1) + " rows");
            }
        }
        return String.join(", ", out);
    }

    /** The ids are generated here (UUIDs, numbers): nothing from outside reaches the statements. */
    private static void generate(Connection c, UUID company, UUID org, int apps, int days) throws SQLException {
        String sql = """
                set search_path to audit;
                do $$
                declare m date := date_trunc('month', current_date - %4$d)::date;
                begin
                    while m <= current_date loop
                        perform gatehouse_month_partition('audit_event', m);
                        perform gatehouse_month_partition('api_usage_daily', m);
                        perform gatehouse_month_partition('token_issuance_daily', m);
                        m := (m + interval '1 month')::date;
                    end loop;
                end $$;
                create temp table bench_app as select i, gen_random_uuid() as app_id,
                    gen_random_uuid() as installation_id,
                    'app_' || replace(gen_random_uuid()::text, '-', '') as client_id
                    from generate_series(1, %3$d) i;
                create temp table bench_project as select j, gen_random_uuid() as project_id
                    from generate_series(1, 20) j;
                create temp table bench_person as select k, gen_random_uuid() as account_id
                    from generate_series(1, 50) k;
                create temp table bench_day as select d::date as day
                    from generate_series(current_date - %4$d + 1, current_date, interval '1 day') d;
                insert into app_client select app_id, client_id, '%2$s', 'Bench app ' || i from bench_app;
                insert into api_usage_daily (day, company_id, client_id, installation_id, project_id, account_id,
                        method, route, status, calls, last_call_at)
                    select d.day, '%1$s', a.client_id, a.installation_id, p.project_id, null, 'GET', r.route,
                           s.status, 1 + (random() * 100)::int, d.day + interval '17 hours'
                    from bench_app a cross join bench_day d
                    join bench_project p on p.j between a.i %% 16 + 1 and a.i %% 16 + 5
                    cross join (values (200), (404)) s(status)
                    cross join (values ('/companies/{companyId}/projects/{projectId}'),
                        ('/companies/{companyId}/projects/{projectId}/members'),
                        ('/companies/{companyId}/users')) r(route);
                insert into api_usage_daily (day, company_id, client_id, installation_id, project_id, account_id,
                        method, route, status, calls, last_call_at)
                    select d.day, '%1$s', a.client_id, a.installation_id, null, p.account_id, 'GET',
                           '/companies/{companyId}/users', 200, 1 + (random() * 10)::int, d.day + interval '18 hours'
                    from bench_app a cross join bench_day d
                    join bench_person p on p.k in (a.i %% 50 + 1, (a.i + 7) %% 50 + 1);
                insert into token_issuance_daily (day, company_id, client_id, kind, installation_id, account_id,
                        tokens, first_issued_at, last_issued_at)
                    select d.day, '%1$s', a.client_id, 'installation', a.installation_id, null, 24,
                           d.day + interval '1 hour', d.day + interval '23 hours'
                    from bench_app a cross join bench_day d;
                insert into token_issuance_daily (day, company_id, client_id, kind, installation_id, account_id,
                        tokens, first_issued_at, last_issued_at)
                    select d.day, '%1$s', a.client_id, 'user_delegated', a.installation_id, p.account_id, 2,
                           d.day + interval '9 hours', d.day + interval '17 hours'
                    from bench_app a cross join bench_day d
                    join bench_person p on p.k in (a.i %% 50 + 1, (a.i + 7) %% 50 + 1);
                insert into token_issuance_daily (day, company_id, client_id, kind, installation_id, account_id,
                        tokens, first_issued_at, last_issued_at)
                    select d.day, '%1$s', 'sa_' || s || '%5$s', 'service_account', null, null, 6,
                           d.day + interval '2 hours', d.day + interval '20 hours'
                    from generate_series(1, 20) s cross join bench_day d;
                insert into access_token_credential (company_id, client_id, kind, installation_id, account_id,
                        tokens, first_issued_at, last_issued_at)
                    select company_id, client_id, kind, installation_id, account_id, sum(tokens),
                           min(first_issued_at), max(last_issued_at)
                    from token_issuance_daily where company_id = '%1$s'
                    group by company_id, client_id, kind, installation_id, account_id;
                insert into credential_last_use (company_id, client_id, installation_id, account_id, last_call_at)
                    select company_id, client_id, installation_id, account_id, max(last_call_at)
                    from api_usage_daily where company_id = '%1$s'
                    group by company_id, client_id, installation_id, account_id;
                create temp table bench_event as
                    select d.day + interval '10 hours' + (n * interval '1 minute') as occurred_at,
                           'TokenIssued' as event_type, 'token.token.v1' as topic, 'client' as actor_type,
                           a.client_id as actor_id, 'Client' as target_type, a.client_id as target_id,
                           json_build_object('clientId', a.client_id, 'installationId', a.installation_id,
                               'companyId', '%1$s', 'jti', gen_random_uuid(), 'grantType', 'client_credentials',
                               'credentialKind', 'installation')::text as payload,
                           a.app_id, a.installation_id, a.client_id
                    from bench_app a cross join bench_day d cross join generate_series(1, 4) n
                    union all
                    select (current_date - %4$d + 1) + (c * interval '20 days') + (a.i * interval '1 second'),
                           case when c = 0 then 'AppInstalled' else 'InstallationProjectsChanged' end,
                           'apps.installation.v1', 'user', 'admin-' || c, 'Installation', a.installation_id::text,
                           json_build_object('installation', json_build_object('installationId', a.installation_id,
                               'revision', c + 1, 'companyId', '%1$s', 'appId', a.app_id, 'appName',
                               'Bench app ' || a.i, 'clientId', a.client_id, 'version', '1.0.0', 'status', 'active',
                               'appUserId', gen_random_uuid(), 'companyPermissions', '{}'::json,
                               'projectPermissions', '{}'::json, 'scopes', json_build_array('projects.read'),
                               'projectAccess', 'selected', 'projectIds', (select json_agg(project_id)
                                   from bench_project where j between a.i %% 16 + 1 and a.i %% 16 + 5 - c)))::text,
                           a.app_id, a.installation_id, a.client_id
                    from bench_app a cross join generate_series(0, 3) c;
                do $$
                declare
                    r record;
                    prev bytea := '\\x';
                    n bigint := 0;
                    h bytea;
                begin
                    for r in select * from bench_event order by occurred_at loop
                        n := n + 1;
                        h := audit_entry_hash(prev, n, md5(r.payload || n)::uuid, r.event_type, 1, r.occurred_at,
                            'bench', '%1$s', r.actor_type, r.actor_id, r.target_type, r.target_id, r.topic,
                            r.payload, r.occurred_at);
                        insert into audit_event values (md5(r.payload || n)::uuid, r.event_type, 1, r.occurred_at,
                            'bench', '%1$s', r.actor_type, r.actor_id, r.target_type, r.target_id, r.topic,
                            r.payload, r.occurred_at, r.app_id, r.installation_id, r.client_id, '%1$s', n, prev, h);
                        prev := h;
                    end loop;
                    insert into audit_chain_head values ('%1$s', n, prev,
                        (select max(occurred_at) from bench_event));
                end $$;
                analyze api_usage_daily;
                analyze token_issuance_daily;
                analyze audit_event;
                """.formatted(company, org, apps, days, company.toString().substring(0, 8));
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
