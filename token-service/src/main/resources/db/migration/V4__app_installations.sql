-- Installations of apps, as app-management announces them (apps.installation.v1), so an app client can get a
-- token for each company that installed it. Only the latest revision is kept.
create table app_installation (
    installation_id     uuid        primary key,
    client_id           text        not null,
    company_id          uuid        not null,
    app_user_id         uuid        not null,
    status              text        not null check (status in ('active', 'disabled', 'uninstalled')),
    revision            integer     not null,
    -- The whole InstallationState (JSON): permissions, scopes and permitted projects for token responses.
    state               text        not null,
    -- Tokens for this installation issued before this instant are no longer active (disable, uninstall).
    tokens_valid_after  timestamptz not null,
    updated_at          timestamptz not null,
    unique (client_id, company_id)
);
