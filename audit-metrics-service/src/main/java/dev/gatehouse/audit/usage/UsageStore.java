package dev.gatehouse.audit.usage;

import dev.gatehouse.events.usage.ApiUsageRecorded;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Adds an {@code ApiUsageRecorded}'s counts to the daily table ({@code api_usage_daily}), in the consumer's
 * transaction: its minutes summed into their UTC days, one upsert per row, keeping the last minute a call was made
 * in.
 */
@ApplicationScoped
public class UsageStore {

    private static final String ADD = """
            insert into api_usage_daily (day, company_id, client_id, installation_id, project_id, account_id, method,
                route, status, calls, last_call_at)
            values (:day, :company, :client, :installation, :project, :account, :method, :route, :status, :calls,
                :last)
            on conflict (day, coalesce(company_id, '00000000-0000-0000-0000-000000000000'), client_id,
                coalesce(installation_id, '00000000-0000-0000-0000-000000000000'),
                coalesce(project_id, '00000000-0000-0000-0000-000000000000'),
                coalesce(account_id, '00000000-0000-0000-0000-000000000000'), method, route, status)
            do update set calls = api_usage_daily.calls + excluded.calls,
                last_call_at = greatest(api_usage_daily.last_call_at, excluded.last_call_at)
            """;

    /** One day's row key. */
    record Day(LocalDate day, UUID companyId, String clientId, UUID installationId, UUID projectId, UUID accountId,
            String method, String route, int status) {
    }

    /** A day's calls, and the last minute one was made in. */
    private record Count(long calls, Instant last) {
        Count plus(Count other) {
            return new Count(calls + other.calls, last.isAfter(other.last) ? last : other.last);
        }
    }

    Uni<Void> add(ApiUsageRecorded recorded) {
        Map<Day, Count> days = new LinkedHashMap<>();
        for (ApiUsageRecorded.Calls c : recorded.calls()) {
            if (c.clientId() == null) {
                continue;
            }
            days.merge(new Day(c.minute().atZone(ZoneOffset.UTC).toLocalDate(), c.companyId(), c.clientId(),
                    c.installationId(), c.projectId(), c.accountId(), c.method(), c.route(), c.status()),
                    new Count(c.count(), c.minute()), Count::plus);
        }
        List<Map.Entry<Day, Count>> rows = List.copyOf(days.entrySet());
        return Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(row -> Panache.getSession()
                .chain(s -> s.createNativeQuery(ADD).setParameter("day", row.getKey().day())
                        .setParameter("company", row.getKey().companyId())
                        .setParameter("client", row.getKey().clientId())
                        .setParameter("installation", row.getKey().installationId())
                        .setParameter("project", row.getKey().projectId())
                        .setParameter("account", row.getKey().accountId())
                        .setParameter("method", row.getKey().method()).setParameter("route", row.getKey().route())
                        .setParameter("status", (short) row.getKey().status())
                        .setParameter("calls", row.getValue().calls())
                        .setParameter("last", OffsetDateTime.ofInstant(row.getValue().last(), ZoneOffset.UTC))
                        .executeUpdate())).collect().last().replaceWithVoid();
    }
}
