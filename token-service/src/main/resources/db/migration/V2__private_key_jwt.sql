-- RFC 7523 §2.2 client authentication: a client may register public keys (a JWK Set, or a URL serving one).
alter table client add column jwks text;
alter table client add column jwks_uri text;

-- Assertion ids seen, kept until the assertion expires, so a replayed assertion is refused (RFC 7523 §3, item 7).
create table client_assertion_jti (
    client_id  text        not null,
    jti        text        not null,
    expires_at timestamptz not null,
    primary key (client_id, jti)
);
create index client_assertion_jti_expiry on client_assertion_jti (expires_at);
