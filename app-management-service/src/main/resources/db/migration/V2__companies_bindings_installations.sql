-- What app-management knows of the directory, from its events only (directory.company.v1, directory.project.v1):
-- enough to check a company exists, which projects it has, and to add new projects to "future" installations.
create table company (
    id                  uuid         primary key,
    name                varchar(200) not null,
    -- A company admin's choice: no app whose permissions are high-risk may be installed or upgraded to one.
    forbid_high_risk    boolean      not null default false,
    settings_updated_at timestamptz,
    settings_updated_by text,
    version             bigint       not null default 0
);

create table project (
    id         uuid    primary key,
    company_id uuid    not null,
    archived   boolean not null default false
);
create index project_company on project (company_id);

-- A company's choice for a marketplace app (Canvas developer keys): on, off (the default) or allow.
create table app_binding (
    company_id uuid        not null,
    app_id     uuid        not null references app (id),
    state      varchar(8)  not null check (state in ('on', 'off', 'allow')),
    updated_at timestamptz not null,
    updated_by text        not null,
    version    bigint      not null default 0,
    primary key (company_id, app_id)
);

-- One installation per company and app, kept through uninstall and reinstall (same app user, same projects).
create table installation (
    id                 uuid         primary key,
    company_id         uuid         not null,
    app_id             uuid         not null references app (id),
    app_version        varchar(100) not null,
    status             varchar(16)  not null check (status in ('active', 'disabled', 'uninstalled')),
    status_reason      varchar(500),
    app_user_id        uuid         not null unique,
    -- Bumped with every change; every installation event carries it (InstallationState.revision).
    revision           integer      not null,
    -- The permissions and scopes in force (JSON): a version's manifest, less anything a later version dropped.
    grants             text         not null,
    project_access     varchar(32)  not null
        check (project_access in ('selected', 'all_current', 'all_current_and_future')),
    project_ids        text         not null,
    high_risk          boolean      not null,
    installed_at       timestamptz  not null,
    installed_by       text         not null,
    updated_at         timestamptz  not null,
    updated_by         text         not null,
    row_version        bigint       not null default 0,
    unique (company_id, app_id)
);
create index installation_company on installation (company_id, installed_at, id);
create index installation_app on installation (app_id);

create table upgrade_request (
    id              uuid         primary key,
    installation_id uuid         not null references installation (id),
    company_id      uuid         not null,
    app_id          uuid         not null,
    from_version    varchar(100) not null,
    to_version      varchar(100) not null,
    -- The exact difference between the permissions in force and the new version's (JSON, upgrade.GrantDiff).
    diff            text         not null,
    high_risk       boolean      not null,
    status          varchar(16)  not null check (status in ('pending', 'approved', 'rejected', 'superseded')),
    created_at      timestamptz  not null,
    decided_at      timestamptz,
    decided_by      text,
    version         bigint       not null default 0
);
create index upgrade_request_installation on upgrade_request (installation_id, created_at, id);
create unique index upgrade_request_one_pending on upgrade_request (installation_id) where status = 'pending';

create table install_request (
    id              uuid          primary key,
    company_id      uuid          not null,
    app_id          uuid          not null references app (id),
    app_version     varchar(100),
    project_access  varchar(32)   not null,
    project_ids     text          not null,
    note            varchar(2000) not null default '',
    status          varchar(16)   not null check (status in ('pending', 'approved', 'denied')),
    requested_at    timestamptz   not null,
    requested_by    text          not null,
    decided_at      timestamptz,
    decided_by      text,
    decision_note   varchar(2000),
    installation_id uuid,
    version         bigint        not null default 0
);
create index install_request_company on install_request (company_id, requested_at, id);
