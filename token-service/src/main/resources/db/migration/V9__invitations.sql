-- Invitations (docs/security.md, "Invitations"): how people arrive. The e-mailed link holds a random value; only its
-- keyed hash is kept. One invitation per directory user is open at a time: a newer one supersedes the older.
create table invitation (
    id            uuid          primary key,
    token_hash    text          not null unique,
    kind          text          not null check (kind in ('company')),
    scope_id      uuid          not null,
    scope_name    varchar(200)  not null,
    member_id     uuid          not null,
    email         varchar(320)  not null,
    name          varchar(200)  not null,
    invited_by    text          not null,
    created_at    timestamptz   not null,
    expires_at    timestamptz   not null,
    superseded_at timestamptz,
    accepted_at   timestamptz,
    account_id    uuid          references account (id)
);
create index invitation_member on invitation (kind, scope_id, member_id);
