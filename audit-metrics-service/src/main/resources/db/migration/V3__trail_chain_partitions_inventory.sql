-- Issue 14: an audit trail you can trust, retention by month, and what the reports read.
--
-- 1. audit_event becomes a table partitioned by the month it was recorded in, and every entry joins its company's
--    hash chain: seq (1, 2, … per chain), prev_hash (the previous entry's hash; empty for the first) and hash, as
--    audit_entry_hash below defines it. Events without a company form the platform chain (chain_key = nil UUID).
--    recorded_at never goes backwards within a chain, so dropping the oldest month removes a prefix of every chain,
--    and audit_chain_checkpoint keeps where each chain stood at the end of a dropped month.
-- 2. app_id, installation_id and client_id are taken from the payload when recorded, for the trail's filters.
-- 3. api_usage_daily and the new token_issuance_daily are partitioned by month of their day.
-- 4. credential_status and app_client: what the access-token inventory and the developer report need to know.

-- What one entry's hash covers. AuditChain (Java) computes the same when it records an entry; this function lets the
-- database check a whole chain in one query, and chains the rows recorded before this migration. Each text is its
-- UTF-8 length (4 bytes, -1 for null) and bytes, so no two different entries encode alike; times are microseconds
-- since the epoch.
create function audit_text(t text) returns bytea language sql immutable as $$
    select case when t is null then int4send(-1)
                else int4send(octet_length(convert_to(t, 'UTF8'))) || convert_to(t, 'UTF8') end
$$;

create function audit_micros(t timestamptz) returns bigint language sql immutable as $$
    select (extract(epoch from t) * 1000000)::bigint
$$;

create function audit_entry_hash(prev_hash bytea, seq bigint, event_id uuid, event_type text, event_version int,
        occurred_at timestamptz, source text, company_id uuid, actor_type text, actor_id text, target_type text,
        target_id text, topic text, payload text, recorded_at timestamptz) returns bytea
    language sql immutable as $$
    select sha256(prev_hash || int8send(seq) || audit_text(event_id::text) || audit_text(event_type)
        || int4send(event_version) || int8send(audit_micros(occurred_at)) || audit_text(source)
        || audit_text(company_id::text) || audit_text(actor_type) || audit_text(actor_id) || audit_text(target_type)
        || audit_text(target_id) || audit_text(topic) || audit_text(payload) || int8send(audit_micros(recorded_at)))
$$;

-- Creates the partition of `parent` for the month starting at `month` if it is missing (Partitions calls it ahead of
-- time). Partitions of the audit trail get the append-only trigger too: a trigger on the parent does not see
-- statements that name a partition.
create function gatehouse_month_partition(parent text, month date) returns text language plpgsql as $$
declare
    first_day date := date_trunc('month', month)::date;
    name text := parent || '_y' || to_char(first_day, 'YYYY') || 'm' || to_char(first_day, 'MM');
begin
    if to_regclass(name) is null then
        execute format('create table %I partition of %I for values from (%L) to (%L)', name, parent, first_day,
            (first_day + interval '1 month')::date);
        if parent = 'audit_event' then
            execute format('create trigger audit_event_append_only before update or delete on %I '
                || 'for each statement execute function audit_event_is_append_only()', name);
        end if;
    end if;
    return name;
end;
$$;

alter table audit_event rename to audit_event_v2;
drop trigger audit_event_append_only on audit_event_v2;
alter index audit_event_newest rename to audit_event_v2_newest;
alter index audit_event_company_newest rename to audit_event_v2_company_newest;
alter index audit_event_type_newest rename to audit_event_v2_type_newest;

create table audit_event (
    event_id        uuid        not null,
    event_type      text        not null,
    event_version   int         not null,
    occurred_at     timestamptz not null,
    source          text        not null,
    company_id      uuid,
    actor_type      text        not null,
    actor_id        text        not null,
    target_type     text        not null,
    target_id       text        not null,
    topic           text        not null,
    payload         text        not null,
    recorded_at     timestamptz not null,
    app_id          uuid,
    installation_id uuid,
    client_id       text,
    chain_key       uuid        not null,
    seq             bigint      not null,
    prev_hash       bytea       not null,
    hash            bytea       not null
) partition by range (recorded_at);

create trigger audit_event_append_only
    before update or delete on audit_event
    for each statement execute function audit_event_is_append_only();

-- Duplicates are refused by the writer (it looks the ids up under its chain locks): a unique index on a partitioned
-- table must contain the partition key, and recorded_at differs between deliveries.
create index audit_event_id on audit_event (event_id);
create index audit_event_chain on audit_event (chain_key, seq);
create index audit_event_newest on audit_event (occurred_at desc, event_id desc);
create index audit_event_company_newest on audit_event (company_id, occurred_at desc, event_id desc);
create index audit_event_type_newest on audit_event (event_type, occurred_at desc, event_id desc);
create index audit_event_app_newest on audit_event (app_id, occurred_at desc, event_id desc)
    where app_id is not null;
create index audit_event_installation_newest on audit_event (installation_id, occurred_at desc, event_id desc)
    where installation_id is not null;
create index audit_event_client_newest on audit_event (client_id, occurred_at desc, event_id desc)
    where client_id is not null;
create index audit_event_actor_newest on audit_event (actor_id, occurred_at desc, event_id desc);
-- The reports' installation events (each carries the installation's whole state), apart from the many token events
-- that name the same installation or app.
create index audit_event_installation_history on audit_event (installation_id, occurred_at desc)
    where topic = 'apps.installation.v1';
create index audit_event_app_installations on audit_event (app_id, occurred_at)
    where topic = 'apps.installation.v1';

-- Each chain's last entry, locked by the writer while it appends (one writer per chain at a time).
create table audit_chain_head (
    chain_key   uuid        primary key,
    seq         bigint      not null,
    hash        bytea       not null,
    recorded_at timestamptz not null
);

-- Where a chain stood at the end of a month that retention dropped: verification starts from the newest one.
create table audit_chain_checkpoint (
    chain_key      uuid        not null,
    partition_name text        not null,
    seq            bigint      not null,
    hash           bytea       not null,
    created_at     timestamptz not null default now(),
    primary key (chain_key, partition_name)
);

-- Months from the oldest recorded entry to two months ahead.
do $$
declare
    m date := date_trunc('month', coalesce((select min(recorded_at) from audit_event_v2), now()))::date;
begin
    while m <= (date_trunc('month', now()) + interval '2 months')::date loop
        perform gatehouse_month_partition('audit_event', m);
        m := (m + interval '1 month')::date;
    end loop;
end;
$$;

-- The entries recorded so far join their chains in the order they were recorded.
do $$
declare
    r record;
    prev bytea;
    last_key uuid;
    n bigint;
begin
    for r in select e.*, coalesce(e.company_id, '00000000-0000-0000-0000-000000000000') as key,
                    e.payload::jsonb as doc
             from audit_event_v2 e
             order by coalesce(e.company_id, '00000000-0000-0000-0000-000000000000'), e.recorded_at, e.event_id loop
        if last_key is distinct from r.key then
            last_key := r.key;
            prev := '\x'::bytea;
            n := 0;
        end if;
        n := n + 1;
        insert into audit_event values (r.event_id, r.event_type, r.event_version, r.occurred_at, r.source,
            r.company_id, r.actor_type, r.actor_id, r.target_type, r.target_id, r.topic, r.payload, r.recorded_at,
            coalesce(r.doc ->> 'appId', r.doc -> 'installation' ->> 'appId')::uuid,
            coalesce(r.doc ->> 'installationId', r.doc -> 'installation' ->> 'installationId',
                r.doc -> 'account' ->> 'installationId')::uuid,
            coalesce(r.doc ->> 'clientId', r.doc -> 'installation' ->> 'clientId', r.doc -> 'account' ->> 'clientId'),
            r.key, n, prev,
            audit_entry_hash(prev, n, r.event_id, r.event_type, r.event_version, r.occurred_at, r.source,
                r.company_id, r.actor_type, r.actor_id, r.target_type, r.target_id, r.topic, r.payload,
                r.recorded_at));
        prev := audit_entry_hash(prev, n, r.event_id, r.event_type, r.event_version, r.occurred_at, r.source,
                r.company_id, r.actor_type, r.actor_id, r.target_type, r.target_id, r.topic, r.payload,
                r.recorded_at);
        insert into audit_chain_head values (r.key, n, prev, r.recorded_at)
            on conflict (chain_key) do update set seq = excluded.seq, hash = excluded.hash,
                recorded_at = excluded.recorded_at;
    end loop;
end;
$$;

drop table audit_event_v2;

-- Usage by month of its day. A day older than the oldest month (a flush delayed past retention) lands in the
-- default partition, which retention empties by date.
alter table api_usage_daily rename to api_usage_daily_v2;
alter index api_usage_daily_key rename to api_usage_daily_v2_key;
alter index api_usage_daily_installation rename to api_usage_daily_v2_installation;
create table api_usage_daily (
    day             date        not null,
    company_id      uuid,
    client_id       text        not null,
    installation_id uuid,
    project_id      uuid,
    account_id      uuid,
    method          text        not null,
    route           text        not null,
    status          smallint    not null,
    calls           bigint      not null,
    last_call_at    timestamptz
) partition by range (day);
create table api_usage_daily_default partition of api_usage_daily default;
create unique index api_usage_daily_key on api_usage_daily (day,
    coalesce(company_id, '00000000-0000-0000-0000-000000000000'), client_id,
    coalesce(installation_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(project_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(account_id, '00000000-0000-0000-0000-000000000000'), method, route, status);
create index api_usage_daily_installation on api_usage_daily (installation_id, day) where installation_id is not null;
create index api_usage_daily_company_client on api_usage_daily (company_id, client_id, day);
-- The developer's activity report: one app (its client) across every company.
create index api_usage_daily_client on api_usage_daily (client_id, day);

-- Tokens issued per day and credential (TokenIssued, added in the trail's transaction): kind is installation,
-- user_delegated, service_account, legacy_service_account, person, app or platform.
create table token_issuance_daily (
    day             date        not null,
    company_id      uuid        not null,
    client_id       text        not null,
    kind            text        not null,
    installation_id uuid,
    account_id      uuid,
    tokens          bigint      not null,
    first_issued_at timestamptz not null,
    last_issued_at  timestamptz not null
) partition by range (day);
create table token_issuance_daily_default partition of token_issuance_daily default;
create unique index token_issuance_daily_key on token_issuance_daily (day, company_id, client_id, kind,
    coalesce(installation_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(account_id, '00000000-0000-0000-0000-000000000000'));
create index token_issuance_daily_installation on token_issuance_daily (installation_id, day)
    where installation_id is not null;
create index token_issuance_daily_company on token_issuance_daily (company_id, client_id, day);

do $$
declare
    m date := date_trunc('month', coalesce((select min(day) from api_usage_daily_v2), now()))::date;
begin
    while m <= (date_trunc('month', now()) + interval '2 months')::date loop
        perform gatehouse_month_partition('api_usage_daily', m);
        perform gatehouse_month_partition('token_issuance_daily', m);
        m := (m + interval '1 month')::date;
    end loop;
end;
$$;
insert into api_usage_daily (day, company_id, client_id, installation_id, project_id, account_id, method, route,
        status, calls)
    select day, company_id, client_id, installation_id, project_id, account_id, method, route, status, calls
    from api_usage_daily_v2;
drop table api_usage_daily_v2;

-- The access-token inventory's rows, kept as tokens arrive (TokenLedger, with token_issuance_daily) so that listing a
-- company's credentials reads one row each instead of a year of days; their totals cover every token since
-- recording began (retention drops days, not these).
create table access_token_credential (
    company_id      uuid        not null,
    client_id       text        not null,
    kind            text        not null,
    installation_id uuid,
    account_id      uuid,
    tokens          bigint      not null,
    first_issued_at timestamptz not null,
    last_issued_at  timestamptz not null
);
create unique index access_token_credential_key on access_token_credential (company_id, client_id, kind,
    coalesce(installation_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(account_id, '00000000-0000-0000-0000-000000000000'));
create index access_token_credential_newest on access_token_credential (company_id, last_issued_at desc);

-- The last API call made with a credential's tokens (UsageStore, with api_usage_daily).
create table credential_last_use (
    company_id      uuid        not null,
    client_id       text        not null,
    installation_id uuid,
    account_id      uuid,
    last_call_at    timestamptz not null
);
create unique index credential_last_use_key on credential_last_use (company_id, client_id,
    coalesce(installation_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(account_id, '00000000-0000-0000-0000-000000000000'));

-- Whether a credential may still get tokens, as its owners' events last said: key 'installation:<id>',
-- 'client:<client id>' or 'integration:<company>:<person>:<client id>'; status active, disabled, suspended,
-- uninstalled, deleted, migrated or revoked. The newest event wins (changed_at), whatever order they arrive in.
create table credential_status (
    credential text        primary key,
    status     text        not null,
    changed_at timestamptz not null
);

-- Apps and their OAuth clients (AppRegistered, AppUpdated), for the reports' names and the trail's app filter.
create table app_client (
    app_id           uuid        primary key,
    client_id        text        not null unique,
    developer_org_id uuid        not null,
    name             text        not null
);

-- What the trail recorded before this migration, into the tables above (the writer keeps them from now on).
insert into app_client (app_id, client_id, developer_org_id, name)
    select distinct on ((payload::jsonb ->> 'appId')) (payload::jsonb ->> 'appId')::uuid, payload::jsonb ->> 'clientId',
           (payload::jsonb ->> 'developerOrgId')::uuid, payload::jsonb ->> 'name'
    from audit_event where event_type = 'AppRegistered'
    order by (payload::jsonb ->> 'appId'), occurred_at desc
    on conflict do nothing;

insert into token_issuance_daily (day, company_id, client_id, kind, installation_id, account_id, tokens,
        first_issued_at, last_issued_at)
    select (occurred_at at time zone 'UTC')::date, company_id, payload::jsonb ->> 'clientId',
           case when payload::jsonb ->> 'installationId' is not null and payload::jsonb ->> 'accountId' is not null
                    then 'user_delegated'
                when payload::jsonb ->> 'installationId' is not null then 'installation'
                when payload::jsonb ->> 'accountId' is not null then 'person'
                else 'client' end,
           (payload::jsonb ->> 'installationId')::uuid, (payload::jsonb ->> 'accountId')::uuid,
           count(*), min(occurred_at), max(occurred_at)
    from audit_event where event_type = 'TokenIssued' and company_id is not null
    group by 1, 2, 3, 4, 5, 6;

insert into credential_status (credential, status, changed_at)
    select distinct on (credential) credential, status, occurred_at from (
        select 'installation:' || (payload::jsonb -> 'installation' ->> 'installationId') as credential,
               payload::jsonb -> 'installation' ->> 'status' as status, occurred_at
        from audit_event where payload::jsonb -> 'installation' ->> 'status' is not null
        union all
        select 'client:' || (payload::jsonb ->> 'clientId'),
               case event_type when 'ClientDisabled' then 'disabled' when 'ClientEnabled' then 'active'
                               else 'deleted' end, occurred_at
        from audit_event where event_type in ('ClientDisabled', 'ClientEnabled', 'ClientDeleted')
    ) s order by credential, occurred_at desc;

insert into access_token_credential (company_id, client_id, kind, installation_id, account_id, tokens,
        first_issued_at, last_issued_at)
    select company_id, client_id, kind, installation_id, account_id, sum(tokens), min(first_issued_at),
           max(last_issued_at)
    from token_issuance_daily group by company_id, client_id, kind, installation_id, account_id;
