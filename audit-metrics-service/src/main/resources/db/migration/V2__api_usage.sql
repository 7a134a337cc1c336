-- API calls per day (issue 14's usage reports), from every service's ApiUsageRecorded (audit.usage.v1): one row per
-- day, company, client, installation, project, person, method, route template and status, with the calls counted.
-- Events add to it once each (processed_event); rows only grow. Absent ids are stored as null and keyed as the nil
-- UUID, so a row without a project is one row.
create table api_usage_daily (
    day             date    not null,
    company_id      uuid,
    client_id       text    not null,
    installation_id uuid,
    project_id      uuid,
    account_id      uuid,
    method          text    not null,
    route           text    not null,
    status          smallint not null,
    calls           bigint  not null
);
create unique index api_usage_daily_key on api_usage_daily (day,
    coalesce(company_id, '00000000-0000-0000-0000-000000000000'), client_id,
    coalesce(installation_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(project_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(account_id, '00000000-0000-0000-0000-000000000000'), method, route, status);
-- The company admin's report per installation, by day.
create index api_usage_daily_installation on api_usage_daily (installation_id, day) where installation_id is not null;
