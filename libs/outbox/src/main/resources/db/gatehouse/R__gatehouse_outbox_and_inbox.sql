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

-- A row Kafka refuses for good (larger than the broker takes): set aside with the reason, so the relay goes on.
alter table outbox_event add column if not exists unpublishable text;

create table if not exists processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Events a consumer could not apply after bounded retries, parked so the events behind them go on (IdempotentConsumer).
-- Later events of the same aggregate (Kafka key) are parked behind an open one, so an aggregate's order holds.
create table if not exists parked_event (
    id              uuid        primary key,
    consumer        text        not null,
    event_id        uuid        not null,
    topic           text        not null,
    kafka_partition int         not null,
    kafka_offset    bigint      not null,
    aggregate_key   text,
    event_type      text        not null,
    envelope        jsonb       not null,
    error           text        not null,
    attempts        int         not null,
    behind          uuid,
    parked_at       timestamptz not null,
    resolved_at     timestamptz,
    resolution      text,
    unique (consumer, event_id)
);
create index if not exists parked_event_open on parked_event (consumer, aggregate_key) where resolved_at is null;
create index if not exists parked_event_listing on parked_event (parked_at, id);
