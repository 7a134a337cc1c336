-- People: their login identity lives here and nowhere else (docs/security.md, "Accounts").
create table account (
    id                   uuid          primary key,
    -- As the person typed it; compared lower-cased (email_key), so one address is one account.
    email                varchar(254)  not null,
    email_key            varchar(254)  not null unique,
    email_verified       boolean       not null,
    display_name         varchar(200),
    -- Argon2id in its PHC string form; null until the person sets one through their invitation link.
    password_hash        text,
    platform_admin       boolean       not null default false,
    status               text          not null check (status in ('active', 'disabled')),
    -- Sessions, refresh tokens and access tokens from before this instant are dead (disable, password change).
    tokens_valid_after   timestamptz   not null,
    created_at           timestamptz   not null,
    created_by           text          not null,
    updated_at           timestamptz   not null,
    updated_by           text          not null,
    version              bigint        not null default 0
);

-- A signed-in browser: the cookie holds a random value, this table only its keyed hash.
create table sign_in_session (
    id             uuid         primary key,
    token_hash     bytea        not null unique,
    account_id     uuid         not null references account (id) on delete cascade,
    auth_time      timestamptz  not null,
    amr            text         not null,
    created_at     timestamptz  not null,
    last_seen_at   timestamptz  not null,
    expires_at     timestamptz  not null,
    ended_at       timestamptz,
    user_agent     varchar(300),
    source_address varchar(64)
);
create index sign_in_session_account on sign_in_session (account_id, created_at);

-- Clients that people sign in to: exact redirect URIs (RFC 6749 §3.1.2, RFC 9700 §2.1), and public clients
-- (no secret; PKCE is their proof, RFC 7636) besides confidential ones.
alter table client add column redirect_uris text not null default '';
alter table client add column post_logout_redirect_uris text not null default '';
alter table client add column public_client boolean not null default false;
alter table client drop constraint client_owner_type_check;
alter table client add constraint client_owner_type_check
    check (owner_type in ('company', 'developer_org', 'platform', 'first_party'));

-- Authorization codes (RFC 6749 §4.1.2): single use, short-lived, stored as a keyed hash only (base64url).
create table authorization_code (
    code_hash       text         primary key,
    client_id       text         not null references client (client_id) on delete cascade,
    account_id      uuid         not null references account (id) on delete cascade,
    session_id      uuid         not null,
    redirect_uri    text         not null,
    code_challenge  text         not null,
    scope           text         not null,
    nonce           varchar(500),
    auth_time       timestamptz  not null,
    amr             text         not null,
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    -- Set on the one exchange; a second exchange finds it set and ends the grant (RFC 6749 §4.1.2).
    redeemed_at     timestamptz,
    family_id       uuid         not null
);
create index authorization_code_expiry on authorization_code (expires_at);

-- Refresh tokens (RFC 6749 §6), one row per grant ("family"), not per token. A refresh token is the family id, its
-- generation and an HMAC of both under the server's key: nothing secret is stored, a stolen table cannot make one,
-- and any generation the server ever issued can be recognised. Each use moves the family to the next generation
-- (rotation); presenting an older generation is reuse, which ends the family (RFC 9700 §4.14.2).
create table refresh_family (
    id                uuid         primary key,
    client_id         text         not null references client (client_id) on delete cascade,
    account_id        uuid         not null references account (id) on delete cascade,
    session_id        uuid,
    scope             text         not null,
    auth_time         timestamptz  not null,
    amr               text         not null,
    generation        integer      not null,
    created_at        timestamptz  not null,
    last_refreshed_at timestamptz  not null,
    -- Idle expiry: moved forward by each refresh, never past the absolute one.
    expires_at        timestamptz  not null,
    absolute_expires_at timestamptz not null,
    ended_at          timestamptz,
    end_reason        text
);
create index refresh_family_account on refresh_family (account_id);
create index refresh_family_session on refresh_family (session_id);
create index refresh_family_expiry on refresh_family (absolute_expires_at);
