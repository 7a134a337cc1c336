-- Legacy (traditional) service accounts' users: created and steered only by app-management's legacy service
-- account events (apps.legacy-service-account.v1), deprecated, and refused edits through the directory API.
alter table directory_user drop constraint directory_user_kind_check;
alter table directory_user add constraint directory_user_kind_check check (kind in ('person', 'app', 'legacy'));
alter table directory_user drop constraint people_have_an_email;
alter table directory_user add constraint people_have_an_email check (kind <> 'person' or email is not null);

alter table directory_user add column legacy_account_id uuid unique;
alter table directory_user add column legacy_status varchar(16);
-- The newest account revision applied, so an older event delivered late changes nothing.
alter table directory_user add column legacy_revision integer;
alter table directory_user add constraint legacy_users_belong_to_an_account
    check ((kind = 'legacy') = (legacy_account_id is not null));
