-- The companies directory-service has created (from directory.company.v1), so a service account is made only for a
-- company that exists.
create table known_company (
    id         uuid         primary key,
    name       varchar(200) not null,
    known_at   timestamptz  not null default now()
);
