-- What an app tells the admins who consider it, shown in companies' catalogues: a contact e-mail and links.
alter table app add column contact_email varchar(320);
alter table app add column documentation_url varchar(2000);
alter table app add column privacy_policy_url varchar(2000);
