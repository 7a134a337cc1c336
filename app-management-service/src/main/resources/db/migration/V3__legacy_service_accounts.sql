-- Legacy (traditional) service accounts, the seed's deprecated model: a directory user whose permissions and
-- projects a company admin sets by hand, plus a company service account in token-service whose secret the admin
-- hands to the developer. Kept after migration or deletion, for history.
create table legacy_service_account (
    id               uuid         primary key,
    company_id       uuid         not null,
    name             varchar(150) not null,
    description      varchar(1000),
    -- Its user in directory-service and its client in token-service, both made from this service's events.
    user_id          uuid         not null unique,
    client_id        text         not null unique,
    status           varchar(16)  not null check (status in ('active', 'migrated', 'deleted')),
    -- Bumped with every change; every event carries it (LegacyServiceAccountState.revision).
    revision         integer      not null,
    -- Company and project tool permissions (JSON, the installation's Grant shape, no scopes).
    grants           text         not null,
    project_ids      text         not null,
    high_risk        boolean      not null,
    installation_id  uuid,
    migrated_app_id  uuid,
    created_at       timestamptz  not null,
    created_by       text         not null,
    updated_at       timestamptz  not null,
    updated_by       text         not null,
    row_version      bigint       not null default 0,
    constraint migrated_accounts_name_their_installation
        check ((status = 'migrated') = (installation_id is not null))
);
-- A name means one live account in a company; migrated and deleted ones free it.
create unique index legacy_service_account_name on legacy_service_account (company_id, lower(name))
    where status = 'active';
create index legacy_service_account_company on legacy_service_account (company_id, created_at, id);
