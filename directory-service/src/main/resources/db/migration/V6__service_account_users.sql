-- Company service accounts' users (Itential's service accounts, owned by token-service): created and steered only by
-- token-service's ServiceAccountChanged events (token.client.v1), with the permissions the company's admins give
-- the account there ("Edit Permissions"), and refused edits through the directory API.
alter table directory_user drop constraint directory_user_kind_check;
alter table directory_user add constraint directory_user_kind_check
    check (kind in ('person', 'app', 'legacy', 'service_account'));

alter table directory_user add column service_client_id text unique;
alter table directory_user add column service_status varchar(16);
-- The newest account revision applied, so an older event delivered late changes nothing.
alter table directory_user add column service_revision integer;
alter table directory_user add constraint service_account_users_belong_to_a_client
    check ((kind = 'service_account') = (service_client_id is not null));
