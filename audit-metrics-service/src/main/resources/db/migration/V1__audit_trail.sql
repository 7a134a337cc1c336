-- One row per event seen on any Gatehouse topic. Append-only: rows are never changed or removed.
create table audit_event (
    event_id       uuid         primary key,
    event_type     text         not null,
    event_version  int          not null,
    occurred_at    timestamptz  not null,
    source         text         not null,
    company_id     uuid,
    actor_type     text         not null,
    actor_id       text         not null,
    target_type    text         not null,
    target_id      text         not null,
    topic          text         not null,
    payload        text         not null,
    recorded_at    timestamptz  not null default now()
);

create index audit_event_newest on audit_event (occurred_at desc, event_id desc);
create index audit_event_company_newest on audit_event (company_id, occurred_at desc, event_id desc);
create index audit_event_type_newest on audit_event (event_type, occurred_at desc, event_id desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only (% refused)', tg_op;
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each statement execute function audit_event_is_append_only();
