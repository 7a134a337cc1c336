create table company (
    id          uuid         primary key,
    name        varchar(200) not null,
    created_at  timestamptz  not null,
    created_by  text         not null,
    version     bigint       not null default 0
);
create index company_created on company (created_at, id);

create table project (
    id          uuid         primary key,
    company_id  uuid         not null references company (id),
    name        varchar(200) not null,
    status      varchar(16)  not null check (status in ('active', 'archived')),
    created_at  timestamptz  not null,
    created_by  text         not null,
    updated_at  timestamptz  not null,
    archived_at timestamptz,
    version     bigint       not null default 0
);
-- Names are unique within a company regardless of case or archiving, so a name always means one project.
create unique index project_name_per_company on project (company_id, lower(name));
create index project_company_created on project (company_id, created_at, id);
