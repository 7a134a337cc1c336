-- Developer organizations invite their developers the same way companies invite their people.
alter table invitation drop constraint invitation_kind_check;
alter table invitation add constraint invitation_kind_check check (kind in ('company', 'developer_org'));
