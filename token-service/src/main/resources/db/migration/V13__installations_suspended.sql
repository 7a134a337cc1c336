-- An installation of an app its company turned off is "suspended" (kept, granting nothing until turned on again).
alter table app_installation drop constraint app_installation_status_check;
alter table app_installation add constraint app_installation_status_check
    check (status in ('active', 'disabled', 'uninstalled', 'suspended'));
