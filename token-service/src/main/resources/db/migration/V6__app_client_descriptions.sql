-- An app's description may be 2000 characters in app-management; its client must be able to carry it, or the
-- consumer of AppRegistered could never apply such an event.
alter table client alter column description type varchar(2000);
