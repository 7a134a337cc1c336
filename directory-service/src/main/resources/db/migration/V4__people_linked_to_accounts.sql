-- A person of the directory becomes the holder of a token-service account when they take their invitation
-- (token-service's InvitationAccepted). One account is at most one person per company; it may be a person in
-- several companies.
alter table directory_user add column account_id uuid;
alter table directory_user add column invited_at timestamptz;
alter table directory_user add constraint only_people_hold_accounts check (kind = 'person' or account_id is null);
create unique index directory_user_account on directory_user (company_id, account_id) where account_id is not null;
