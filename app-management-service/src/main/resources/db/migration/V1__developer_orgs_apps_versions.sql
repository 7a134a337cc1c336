create table developer_org (
    id         uuid         primary key,
    name       varchar(200) not null,
    created_at timestamptz  not null,
    created_by text         not null,
    version    bigint       not null default 0
);
create unique index developer_org_name on developer_org (lower(name));
create index developer_org_created on developer_org (created_at, id);

create table app (
    id                uuid          primary key,
    developer_org_id  uuid          not null references developer_org (id),
    name              varchar(200)  not null,
    description       varchar(2000) not null default '',
    kind              varchar(16)   not null check (kind in ('marketplace', 'company')),
    owning_company_id uuid,
    client_id         varchar(100)  not null unique,
    created_at        timestamptz   not null,
    created_by        text          not null,
    updated_at        timestamptz   not null,
    version           bigint        not null default 0,
    constraint company_apps_have_an_owner check ((kind = 'company') = (owning_company_id is not null))
);
-- App names are unique platform-wide: admins choose from one catalogue.
create unique index app_name on app (lower(name));
create index app_org_created on app (developer_org_id, created_at, id);
create index app_created on app (created_at, id);

create table app_version (
    app_id       uuid         not null references app (id),
    version      varchar(100) not null,
    status       varchar(16)  not null check (status in ('draft', 'published')),
    -- The manifest as validated JSON (manifest.ManifestSchema); immutable once published.
    manifest     text         not null,
    created_at   timestamptz  not null,
    created_by   text         not null,
    updated_at   timestamptz  not null,
    published_at timestamptz,
    published_by text,
    row_version  bigint       not null default 0,
    primary key (app_id, version)
);
