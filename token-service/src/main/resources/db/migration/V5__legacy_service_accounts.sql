-- Company service accounts that belong to a legacy (traditional, deprecated) service account of app-management
-- (apps.legacy-service-account.v1). Their tokens act as the account's directory user; they are removed when the
-- account is migrated to an installation or deleted.
alter table client add column legacy_account_id uuid unique;
alter table client add column legacy_user_id uuid;
alter table client add constraint legacy_clients_have_a_user
    check ((legacy_account_id is null) = (legacy_user_id is null));
