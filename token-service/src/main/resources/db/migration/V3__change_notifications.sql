-- Replicas keep clients, secrets, revocations and signing keys in memory (the OAuth endpoints must not wait for
-- the database). Every change that matters to those copies is announced on one channel when it commits
-- (LISTEN/NOTIFY is transactional: a rolled-back change announces nothing). Payloads:
--   client:<client_id>   a client or one of its secrets changed, or was deleted
--   revoked:<exp>:<jti>  a token was revoked on its own (RFC 7009); exp in epoch seconds
--   keys                 a signing key was added, rotated or retired

create function announce_client_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('gatehouse_token_changes', 'client:' || old.client_id);
    else
        perform pg_notify('gatehouse_token_changes', 'client:' || new.client_id);
    end if;
    return null;
end $$;

create trigger client_changed after insert or update or delete on client
    for each row execute function announce_client_change();

-- last_used_at is bookkeeping: it does not change what a secret proves, so it announces nothing.
create trigger client_secret_changed after insert or delete or update of secret_hash, expires_at, client_id
    on client_secret for each row execute function announce_client_change();

create function announce_revocation() returns trigger language plpgsql as $$
begin
    perform pg_notify('gatehouse_token_changes',
        'revoked:' || extract(epoch from new.expires_at)::bigint || ':' || new.jti);
    return null;
end $$;

create trigger token_revoked after insert on revoked_token
    for each row execute function announce_revocation();

create function announce_key_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('gatehouse_token_changes', 'keys');
    return null;
end $$;

create trigger signing_key_changed after insert or update or delete on signing_key
    for each statement execute function announce_key_change();
