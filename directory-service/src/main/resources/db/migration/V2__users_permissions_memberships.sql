-- Users of a company's directory: people, and the app users (DMSA users) that installations create and manage.
create table directory_user (
    id                    uuid         primary key,
    company_id            uuid         not null references company (id),
    kind                  varchar(16)  not null check (kind in ('person', 'app')),
    name                  varchar(200) not null,
    email                 varchar(320),
    status                varchar(16)  not null check (status in ('active', 'inactive')),
    -- Company-level tool permissions as a JSON object (tool -> level); tools at "none" are left out.
    permissions           text         not null default '{}',
    app_id                uuid,
    installation_id       uuid         unique,
    installation_status   varchar(16),
    -- The newest installation revision applied, so an older event delivered late changes nothing.
    installation_revision integer,
    created_at            timestamptz  not null,
    created_by            text         not null,
    updated_at            timestamptz  not null,
    deactivated_at        timestamptz,
    version               bigint       not null default 0,
    constraint app_users_belong_to_an_installation check ((kind = 'app') = (installation_id is not null)),
    constraint people_have_an_email check (kind = 'app' or email is not null)
);
-- One person per email within a company, whatever the case.
create unique index directory_user_email on directory_user (company_id, lower(email)) where email is not null;
create index directory_user_company_created on directory_user (company_id, created_at, id);

-- Project membership with project-level tool permissions.
create table project_member (
    project_id  uuid        not null references project (id),
    user_id     uuid        not null references directory_user (id),
    company_id  uuid        not null references company (id),
    permissions text        not null default '{}',
    added_at    timestamptz not null,
    added_by    text        not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0,
    primary key (project_id, user_id)
);
create index project_member_user on project_member (user_id);
