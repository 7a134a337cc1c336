-- Password reset links (docs/security.md, "Password change and reset"): only the link's keyed hash is kept; a link
-- works once, for an hour.
create table password_reset (
    id          uuid         primary key,
    token_hash  text         not null unique,
    account_id  uuid         not null references account (id) on delete cascade,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz
);
create index password_reset_account on password_reset (account_id, created_at);
