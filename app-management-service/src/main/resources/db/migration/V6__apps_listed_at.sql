-- When an app was listed (its first version published): Canvas's default binding for inherited keys, on for apps
-- listed before the platform's cut-off (gatehouse.apps.default-on-if-listed-before), off for later ones.
alter table app add column listed_at timestamptz;
update app set listed_at = (select min(v.published_at) from app_version v
                            where v.app_id = app.id and v.status = 'published');
