-- Apps acting for people (docs/security.md, "Apps acting for people"): a person authorizes an installed app in one
-- company through the authorization code flow; the grant is bound to that company and installation.

-- Every published version's manifest (AppVersionPublished), for the consent page: what an installation's version
-- asks for and why (justifications). Versions never change once published.
create table app_version (
    client_id     text        not null,
    version       text        not null,
    manifest      text        not null,
    published_at  timestamptz not null,
    primary key (client_id, version)
);

-- Who publishes an app (its developer organization's name, from AppRegistered), shown on the consent page.
create table app_publisher (
    client_id          text primary key,
    app_id             uuid not null,
    developer_org_id   uuid not null,
    developer_org_name text
);

alter table authorization_code add column company_id uuid;
alter table authorization_code add column installation_id uuid;
alter table refresh_family add column company_id uuid;
alter table refresh_family add column installation_id uuid;
create index refresh_family_integration on refresh_family (account_id, client_id, company_id)
    where company_id is not null;

-- What a person approved for an app in a company: the scopes and the installation's tool permissions they saw. An
-- authorization asking for nothing more goes straight through; one asking for more asks for the difference only.
create table consent (
    account_id   uuid        not null references account (id) on delete cascade,
    client_id    text        not null,
    company_id   uuid        not null,
    scopes       text        not null,
    -- The permissions shown ({"company": {tool: level}, "project": {tool: level}}), JSON.
    permissions  text        not null,
    granted_at   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (account_id, client_id, company_id)
);
create index consent_company on consent (company_id);

-- A consent page shown and not yet answered: the answer must come from the same sign-in session, once, within
-- ten minutes; only the keyed hash of the form's ticket is stored.
create table consent_request (
    ticket_hash     text        primary key,
    session_id      uuid        not null,
    account_id      uuid        not null references account (id) on delete cascade,
    client_id       text        not null,
    company_id      uuid        not null,
    installation_id uuid        not null,
    -- The authorization request's query string, to finish it with once approved; where a denial goes.
    query           text        not null,
    redirect_uri    text        not null,
    state           text,
    scopes          text        not null,
    permissions     text        not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    answered_at     timestamptz
);
create index consent_request_expiry on consent_request (expires_at);
