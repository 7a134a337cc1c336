-- A developer organization's members (docs/security.md, "People in developer organizations"): invited by e-mail,
-- linked to a token-service account once they take the invitation. An organization keeps at least one owner.
create table org_member (
    id               uuid          primary key,
    developer_org_id uuid          not null references developer_org (id),
    email            varchar(320)  not null,
    name             varchar(200)  not null,
    role             text          not null check (role in ('owner', 'developer')),
    status           text          not null check (status in ('invited', 'active', 'removed')),
    account_id       uuid,
    invited_at       timestamptz   not null,
    created_at       timestamptz   not null,
    created_by       text          not null,
    updated_at       timestamptz   not null,
    version          bigint        not null default 0
);
-- One membership per address (any case) and per account in an organization, among those not removed.
create unique index org_member_email on org_member (developer_org_id, lower(email)) where status <> 'removed';
create unique index org_member_account on org_member (developer_org_id, account_id)
    where account_id is not null and status <> 'removed';
create index org_member_org_created on org_member (developer_org_id, created_at, id);
