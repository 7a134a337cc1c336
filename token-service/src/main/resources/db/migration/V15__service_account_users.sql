-- Company service accounts as directory users (Itential's "Edit Permissions"): each has a user in its company's
-- directory (directory-service makes it from ServiceAccountChanged), the sub of its tokens, with the company and
-- project permissions its admins give it here. Legacy service accounts' clients keep their own users
-- (legacy_user_id) and are not among these.
alter table client add column service_user_id uuid unique;
-- {"company": {tool: level}, "project": {tool: level}}
alter table client add column service_permissions text;
-- Space-separated project ids.
alter table client add column service_project_ids text not null default '';
alter table client add column service_revision integer not null default 0;
update client set service_user_id = gen_random_uuid(), service_permissions = '{"company":{},"project":{}}'
    where owner_type = 'company' and legacy_account_id is null;

-- The projects of every company (directory.project.v1), so a service account's projects can be checked.
create table known_project (
    id          uuid primary key,
    company_id  uuid    not null,
    archived    boolean not null default false
);
create index known_project_company on known_project (company_id);
