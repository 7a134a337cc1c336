-- A marketplace app reaches companies' catalogues only once a platform admin approved its listing (Canvas: the
-- platform issues inherited keys). unlisted: nothing published yet, or a company's own app (no review);
-- pending: published, waiting for review; approved; rejected (the developer sees the reason).
alter table app add column listing_status varchar(16) not null default 'unlisted'
    check (listing_status in ('unlisted', 'pending', 'approved', 'rejected'));
alter table app add column listing_note varchar(2000);
alter table app add column listing_reviewed_by text;
alter table app add column listing_reviewed_at timestamptz;
-- Marketplace apps published before reviews existed were in every catalogue already: they stay listed.
update app set listing_status = 'approved' where kind = 'marketplace' and listed_at is not null;
create index app_listing_pending on app (listing_status, created_at, id) where listing_status <> 'approved';
