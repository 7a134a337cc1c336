-- Transactional outbox and idempotent-consumer tables, the same in every service's own schema.
-- Repeatable and idempotent, so it can evolve with "add column if not exists" without clashing with the
-- service's own versioned migrations.

create table if not exists outbox_event (
    id           bigserial   primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    kafka_key    text        not null,
    event_type   text        not null,
    envelope     jsonb       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);

-- The relay reads unpublished rows in id order; this keeps that cheap however long the table grows.
create index if not exists outbox_event_unpublished on outbox_event (id) where published_at is null;
create index if not exists outbox_event_published_at on outbox_event (published_at) where published_at is not null;

create table if not exists processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
