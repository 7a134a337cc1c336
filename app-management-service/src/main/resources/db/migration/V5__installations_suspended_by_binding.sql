-- An installation of an app the company turned off (its binding) is kept as it is but suspended: its app user is
-- inactive and its tokens stop until the app is turned on again (docs/security.md, "Turning an app off").
alter table installation add column suspended boolean not null default false;
