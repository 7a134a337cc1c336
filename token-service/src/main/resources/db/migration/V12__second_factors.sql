-- Second factors (docs/security.md, "Second factor"): a TOTP secret per account (RFC 6238), encrypted at rest with
-- the key-encryption key because it must be read back to check codes; one-use recovery codes, stored as keyed
-- hashes; and the short step between a right password and a right code at sign-in.
create table totp_factor (
    account_id      uuid         primary key references account (id) on delete cascade,
    secret_enc      bytea        not null,
    created_at      timestamptz  not null,
    confirmed_at    timestamptz,
    -- The newest 30-second step a code was accepted for: a code is good once (RFC 6238 §5.2).
    last_used_step  bigint       not null default 0
);

create table recovery_code (
    account_id  uuid         not null references account (id) on delete cascade,
    code_hash   text         not null,
    created_at  timestamptz  not null,
    used_at     timestamptz,
    primary key (account_id, code_hash)
);

create table sign_in_challenge (
    id              uuid         primary key,
    token_hash      text         not null unique,
    account_id      uuid         not null references account (id) on delete cascade,
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    attempts        integer      not null default 0,
    return_to       text,
    user_agent      varchar(300),
    source_address  varchar(64)
);
