package dev.gatehouse.audit.trail;

import dev.gatehouse.events.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Appends a whole poll of events to the trail in one statement (one transaction, one WAL flush), skipping those
 * already there. The event id is the trail's primary key, so a redelivered event (Kafka delivers at least once)
 * is recorded once, without a separate processed-events table.
 */
@ApplicationScoped
public class AuditTrailWriter {

    /** An event and the topic it came from. */
    public record Delivered(EventEnvelope event, String topic) {
    }

    private static final String INSERT = """
            insert into audit_event (event_id, event_type, event_version, occurred_at, source, company_id,
                                     actor_type, actor_id, target_type, target_id, topic, payload)
            select * from unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::text[], $6::uuid[],
                                 $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
            on conflict (event_id) do nothing
            returning event_type
            """;

    private final Pool pool;
    private final MeterRegistry meters;

    public AuditTrailWriter(Pool pool, MeterRegistry meters) {
        this.pool = pool;
        this.meters = meters;
    }

    /** @return how many of {@code batch} were new to the trail */
    public Uni<Integer> append(List<Delivered> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = batch.size();
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        Integer[] versions = new Integer[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        String[] sources = new String[n];
        UUID[] companies = new UUID[n];
        String[] actorTypes = new String[n];
        String[] actorIds = new String[n];
        String[] targetTypes = new String[n];
        String[] targetIds = new String[n];
        String[] topics = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            EventEnvelope e = batch.get(i).event();
            ids[i] = e.eventId();
            types[i] = e.eventType();
            versions[i] = e.eventVersion();
            occurred[i] = OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC);
            sources[i] = e.source();
            companies[i] = e.companyId();
            actorTypes[i] = e.actor().type();
            actorIds[i] = e.actor().id();
            targetTypes[i] = e.aggregateType();
            targetIds[i] = e.aggregateId();
            topics[i] = batch.get(i).topic();
            payloads[i] = e.payload().toString();
        }
        Tuple params = Tuple.tuple(List.of(ids, types, versions, occurred, sources, companies, actorTypes, actorIds,
                targetTypes, targetIds, topics, payloads));
        return Uni.createFrom().completionStage(() -> pool.preparedQuery(INSERT).execute(params)
                .map(rows -> {
                    // Prometheus: events recorded per type (the event catalogue bounds the label), new ones only.
                    for (Row row : rows) {
                        meters.counter("gatehouse.audit.events.recorded", "type", row.getString("event_type"))
                                .increment();
                    }
                    return rows.rowCount();
                }).toCompletionStage());
    }
}
