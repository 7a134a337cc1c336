package dev.gatehouse.audit.inventory;

import dev.gatehouse.audit.trail.TrailProjection;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.token.TokenIssued;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
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
 * Tokens issued per UTC day and credential ({@code token_issuance_daily}), and per credential since recording began
 * ({@code access_token_credential}: the inventory's rows), from the {@code TokenIssued} events the trail records: a
 * batch's tokens summed in memory and added with one upsert to each, so thousands of tokens a second cost two
 * statements per poll. Tokens outside any company (platform clients, an app's token for itself) are not counted: the
 * inventory is per company.
 */
@ApplicationScoped
public class TokenLedger implements TrailProjection {

    private static final String ADD = """
            insert into token_issuance_daily (day, company_id, client_id, kind, installation_id, account_id, tokens,
                                              first_issued_at, last_issued_at)
            select * from unnest($1::date[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[],
                                 $7::bigint[], $8::timestamptz[], $9::timestamptz[])
            on conflict (day, company_id, client_id, kind,
                         coalesce(installation_id, '00000000-0000-0000-0000-000000000000'),
                         coalesce(account_id, '00000000-0000-0000-0000-000000000000'))
            do update set tokens = token_issuance_daily.tokens + excluded.tokens,
                          first_issued_at = least(token_issuance_daily.first_issued_at, excluded.first_issued_at),
                          last_issued_at = greatest(token_issuance_daily.last_issued_at, excluded.last_issued_at)
            """;
    private static final String SUMMARIZE = """
            insert into access_token_credential (company_id, client_id, kind, installation_id, account_id, tokens,
                                                 first_issued_at, last_issued_at)
            select company_id, client_id, kind, installation_id, account_id, sum(tokens), min(first_issued_at),
                   max(last_issued_at)
            from unnest($1::date[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::bigint[],
                        $8::timestamptz[], $9::timestamptz[])
                 v(day, company_id, client_id, kind, installation_id, account_id, tokens, first_issued_at,
                   last_issued_at)
            group by company_id, client_id, kind, installation_id, account_id
            on conflict (company_id, client_id, kind,
                         coalesce(installation_id, '00000000-0000-0000-0000-000000000000'),
                         coalesce(account_id, '00000000-0000-0000-0000-000000000000'))
            do update set tokens = access_token_credential.tokens + excluded.tokens,
                          first_issued_at = least(access_token_credential.first_issued_at, excluded.first_issued_at),
                          last_issued_at = greatest(access_token_credential.last_issued_at, excluded.last_issued_at)
            """;

    private record Key(LocalDate day, UUID companyId, String clientId, String kind, UUID installationId,
            UUID accountId) {
    }

    private static final class Count {
        long tokens;
        Instant first;
        Instant last;

        void add(Instant at) {
            tokens++;
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, List<EventEnvelope> recorded) {
        Map<Key, Count> counts = new LinkedHashMap<>();
        for (EventEnvelope e : recorded) {
            if (!e.eventType().equals(TokenEvents.TOKEN_ISSUED.name()) || e.companyId() == null) {
                continue;
            }
            TokenIssued token = TrailProjection.payloadOrNull(e, TokenEvents.TOKEN_ISSUED);
            if (token == null || token.clientId() == null) {
                continue;
            }
            counts.computeIfAbsent(new Key(e.occurredAt().atZone(ZoneOffset.UTC).toLocalDate(), e.companyId(),
                    token.clientId(), kindOf(token), token.installationId(), token.accountId()), k -> new Count())
                    .add(e.occurredAt());
        }
        if (counts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = counts.size();
        LocalDate[] days = new LocalDate[n];
        UUID[] companies = new UUID[n];
        String[] clients = new String[n];
        String[] kinds = new String[n];
        UUID[] installations = new UUID[n];
        UUID[] accounts = new UUID[n];
        Long[] tokens = new Long[n];
        OffsetDateTime[] firsts = new OffsetDateTime[n];
        OffsetDateTime[] lasts = new OffsetDateTime[n];
        int i = 0;
        for (Map.Entry<Key, Count> c : counts.entrySet()) {
            Key k = c.getKey();
            days[i] = k.day();
            companies[i] = k.companyId();
            clients[i] = k.clientId();
            kinds[i] = k.kind();
            installations[i] = k.installationId();
            accounts[i] = k.accountId();
            tokens[i] = c.getValue().tokens;
            firsts[i] = OffsetDateTime.ofInstant(c.getValue().first, ZoneOffset.UTC);
            lasts[i] = OffsetDateTime.ofInstant(c.getValue().last, ZoneOffset.UTC);
            i++;
        }
        Tuple rows = Tuple.from(List.of(days, companies, clients, kinds, installations, accounts, tokens, firsts,
                lasts));
        return conn.preparedQuery(ADD).execute(rows).chain(() -> conn.preparedQuery(SUMMARIZE).execute(rows))
                .replaceWithVoid();
    }

    /** The event's kind; for events from before it was carried, what its ids say. */
    static String kindOf(TokenIssued token) {
        if (token.credentialKind() != null) {
            return token.credentialKind();
        }
        if (token.installationId() != null) {
            return token.accountId() != null ? TokenIssued.KIND_USER_DELEGATED : TokenIssued.KIND_INSTALLATION;
        }
        return token.accountId() != null ? TokenIssued.KIND_PERSON : "client";
    }
}
