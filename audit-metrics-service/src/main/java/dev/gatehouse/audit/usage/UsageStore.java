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
 * in; and each credential's last call ({@code credential_last_use}, the inventory's "last used").
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

    private static final String LAST_USE = """
            insert into credential_last_use (company_id, client_id, installation_id, account_id, last_call_at)
            values (:company, :client, :installation, :account, :last)
            on conflict (company_id, client_id, coalesce(installation_id, '00000000-0000-0000-0000-000000000000'),
                coalesce(account_id, '00000000-0000-0000-0000-000000000000'))
            do update set last_call_at = greatest(credential_last_use.last_call_at, excluded.last_call_at)
            """;

    /** One day's row key. */
    record Day(LocalDate day, UUID companyId, String clientId, UUID installationId, UUID projectId, UUID accountId,
            String method, String route, int status) {
    }

    /** A credential that made calls: the inventory's key. */
    record Credential(UUID companyId, String clientId, UUID installationId, UUID accountId) {
    }

    /** A day's calls, and the last minute one was made in. */
    private record Count(long calls, Instant last) {
        Count plus(Count other) {
            return new Count(calls + other.calls, last.isAfter(other.last) ? last : other.last);
        }
    }

    Uni<Void> add(ApiUsageRecorded recorded) {
        Map<Day, Count> days = new LinkedHashMap<>();
        Map<Credential, Instant> lastUse = new LinkedHashMap<>();
        for (ApiUsageRecorded.Calls c : recorded.calls()) {
            if (c.clientId() == null) {
                continue;
            }
            days.merge(new Day(c.minute().atZone(ZoneOffset.UTC).toLocalDate(), c.companyId(), c.clientId(),
                    c.installationId(), c.projectId(), c.accountId(), c.method(), c.route(), c.status()),
                    new Count(c.count(), c.minute()), Count::plus);
            if (c.companyId() != null) {
                lastUse.merge(new Credential(c.companyId(), c.clientId(), c.installationId(), c.accountId()),
                        c.minute(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return Multi.createFrom().iterable(List.copyOf(days.entrySet())).onItem()
                .transformToUniAndConcatenate(this::addDay).collect().last()
                .chain(() -> Multi.createFrom().iterable(List.copyOf(lastUse.entrySet())).onItem()
                        .transformToUniAndConcatenate(this::used).collect().last())
                .replaceWithVoid();
    }

    private Uni<Integer> addDay(Map.Entry<Day, Count> row) {
        Day key = row.getKey();
        return Panache.getSession().chain(s -> s.createNativeQuery(ADD).setParameter("day", key.day())
                .setParameter("company", key.companyId()).setParameter("client", key.clientId())
                .setParameter("installation", key.installationId()).setParameter("project", key.projectId())
                .setParameter("account", key.accountId()).setParameter("method", key.method())
                .setParameter("route", key.route()).setParameter("status", (short) key.status())
                .setParameter("calls", row.getValue().calls())
                .setParameter("last", OffsetDateTime.ofInstant(row.getValue().last(), ZoneOffset.UTC))
                .executeUpdate());
    }

    private Uni<Integer> used(Map.Entry<Credential, Instant> row) {
        Credential key = row.getKey();
        return Panache.getSession().chain(s -> s.createNativeQuery(LAST_USE)
                .setParameter("company", key.companyId()).setParameter("client", key.clientId())
                .setParameter("installation", key.installationId()).setParameter("account", key.accountId())
                .setParameter("last", OffsetDateTime.ofInstant(row.getValue(), ZoneOffset.UTC)).executeUpdate());
    }
}
