package dev.gatehouse.audit.inventory;

import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A company's access-token inventory: every credential that issued tokens there ({@code access_token_credential}),
 * with when it was last used ({@code credential_last_use}) and whether it may still get tokens
 * ({@code credential_status}: the person's approval first, then the installation, then the client), most recently
 * issued first.
 */
@ApplicationScoped
public class AccessTokenInventory {

    private static final String QUERY = """
            select c.client_id, c.kind, c.installation_id, c.account_id, c.tokens, c.first_issued_at,
                   c.last_issued_at, c.position, u.last_call_at as last_used_at, a.app_id, a.name as app_name,
                   coalesce(nullif(approval.status, 'active'), nullif(inst.status, 'active'),
                            nullif(client.status, 'active'), 'active') as status
            from (select *, client_id || '|' || kind || '|' || coalesce(installation_id::text, '') || '|'
                               || coalesce(account_id::text, '') as position
                  from access_token_credential where company_id = $1) c
            left join credential_last_use u on u.company_id = $1 and u.client_id = c.client_id
                 and coalesce(u.installation_id, '00000000-0000-0000-0000-000000000000')
                     = coalesce(c.installation_id, '00000000-0000-0000-0000-000000000000')
                 and coalesce(u.account_id, '00000000-0000-0000-0000-000000000000')
                     = coalesce(c.account_id, '00000000-0000-0000-0000-000000000000')
            left join app_client a on a.client_id = c.client_id
            left join credential_status approval on c.kind = 'user_delegated'
                 and approval.credential = 'integration:' || $1 || ':' || c.account_id || ':' || c.client_id
            left join credential_status inst on inst.credential = 'installation:' || c.installation_id
            left join credential_status client on client.credential = 'client:' || c.client_id
            where $2::timestamptz is null or (c.last_issued_at, c.position) < ($2, $3)
            order by c.last_issued_at desc, c.position desc
            limit $4
            """;

    private final Pool pool;

    public AccessTokenInventory(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<AccessToken>> list(UUID companyId, PageRequest page) {
        OffsetDateTime afterTime = page.after() == null ? null
                : OffsetDateTime.ofInstant(page.after().time(), ZoneOffset.UTC);
        String afterPosition = page.after() == null ? null : page.after().id();
        return pool.preparedQuery(QUERY).execute(Tuple.of(companyId, afterTime, afterPosition, page.fetchSize()))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return page.page(list, r -> new PageRequest.Position(instant(r, "last_issued_at"),
                            r.getString("position")), AccessTokenInventory::item);
                });
    }

    private static AccessToken item(Row r) {
        return new AccessToken(r.getString("client_id"), r.getUUID("app_id"), r.getString("app_name"),
                r.getString("kind"), r.getUUID("installation_id"), r.getUUID("account_id"),
                instant(r, "first_issued_at"), instant(r, "last_issued_at"), r.getLong("tokens"),
                instant(r, "last_used_at"), r.getString("status"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
