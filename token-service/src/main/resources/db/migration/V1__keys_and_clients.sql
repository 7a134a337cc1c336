-- Signing keys: private keys are stored only encrypted (AES-256-GCM, key from configuration, kid as AAD).
create table signing_key (
    kid          text        primary key,
    algorithm    text        not null check (algorithm in ('RS256', 'ES256')),
    public_jwk   text        not null,
    private_key  bytea       not null,
    status       text        not null check (status in ('active', 'previous', 'retired')),
    created_at   timestamptz not null,
    retired_at   timestamptz,
    version      bigint      not null default 0
);
-- At most one active key per algorithm, even with several replicas rotating at once.
create unique index signing_key_one_active on signing_key (algorithm) where status = 'active';

-- OAuth 2.0 clients: company service accounts, app clients, the platform's own.
create table client (
    client_id          text          primary key,
    name               varchar(200)  not null,
    description        varchar(1000),
    owner_type         text          not null check (owner_type in ('company', 'developer_org', 'platform')),
    owner_id           uuid,
    grant_types        text          not null,
    scopes             text          not null,
    token_lifetime_s   integer       not null check (token_lifetime_s between 60 and 86400),
    signing_alg        text          not null check (signing_alg in ('RS256', 'ES256')),
    enabled            boolean       not null,
    disabled_reason    varchar(500),
    tokens_valid_after timestamptz   not null,
    created_at         timestamptz   not null,
    created_by         text          not null,
    updated_at         timestamptz   not null,
    updated_by         text          not null,
    version            bigint        not null default 0
);
create unique index client_name_per_owner on client (owner_type, owner_id, lower(name));
create index client_owner_created on client (owner_type, owner_id, created_at, client_id);

-- Client secrets: only a keyed hash (HMAC-SHA256) is kept; at most two live per client.
create table client_secret (
    id           uuid        primary key,
    client_id    text        not null references client (client_id) on delete cascade,
    secret_hash  bytea       not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz
);
create index client_secret_client on client_secret (client_id);

-- Individually revoked tokens (RFC 7009), kept until they would have expired anyway.
create table revoked_token (
    jti        text        primary key,
    client_id  text        not null,
    expires_at timestamptz not null
);
