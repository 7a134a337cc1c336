-- What a company asks of its admins: a second factor at sign-in (docs/security.md, "People in companies").
alter table company add column require_second_factor_for_admins boolean not null default false;
