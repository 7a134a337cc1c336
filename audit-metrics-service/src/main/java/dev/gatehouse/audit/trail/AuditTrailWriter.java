package dev.gatehouse.audit.trail;

import dev.gatehouse.events.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Appends a whole poll of events to the trail in one transaction (one WAL flush): locks the chains they join,
 * leaves out those already recorded (Kafka delivers at least once; the ids are looked up under the chain locks, so
 * two writers cannot both take one), links the rest into their chains, writes them with one {@code unnest} insert
 * and lets each {@link TrailProjection} count them, in the same transaction.
 */
@ApplicationScoped
public class AuditTrailWriter {

    /** An event and the topic it came from. */
    public record Delivered(EventEnvelope event, String topic) {
    }

    private static final String SEEN = "select event_id from audit_event where event_id = any($1::uuid[])";
    private static final String INSERT = """
            insert into audit_event (event_id, event_type, event_version, occurred_at, source, company_id,
                                     actor_type, actor_id, target_type, target_id, topic, payload, recorded_at,
                                     app_id, installation_id, client_id, chain_key, seq, prev_hash, hash)
            select v.event_id, v.event_type, v.event_version, v.occurred_at, v.source, v.company_id, v.actor_type,
                   v.actor_id, v.target_type, v.target_id, v.topic, v.payload, v.recorded_at,
                   coalesce(v.app_id, (select a.app_id from app_client a where a.client_id = v.client_id)),
                   v.installation_id, v.client_id, v.chain_key, v.seq, v.prev_hash, v.hash
            from unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::text[], $6::uuid[], $7::text[],
                        $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::timestamptz[],
                        $14::uuid[], $15::uuid[], $16::text[], $17::uuid[], $18::bigint[], $19::bytea[],
                        $20::bytea[])
                 v(event_id, event_type, event_version, occurred_at, source, company_id, actor_type, actor_id,
                   target_type, target_id, topic, payload, recorded_at, app_id, installation_id, client_id,
                   chain_key, seq, prev_hash, hash)
            """;

    private final Pool pool;
    private final AuditChain chain;
    private final AppClients apps;
    private final List<TrailProjection> projections;
    private final MeterRegistry meters;
    private final Clock clock;

    public AuditTrailWriter(Pool pool, AuditChain chain, AppClients apps, @All List<TrailProjection> projections,
            MeterRegistry meters, Clock clock) {
        this.pool = pool;
        this.chain = chain;
        this.apps = apps;
        this.projections = projections;
        this.meters = meters;
        this.clock = clock;
    }

    /** @return how many of {@code batch} were new to the trail */
    public Uni<Integer> append(List<Delivered> batch) {
        return append(batch, clock.instant());
    }

    /** As {@link #append(List)}, recorded at {@code now} or later (tests place entries in an earlier month). */
    public Uni<Integer> append(List<Delivered> batch, Instant now) {
        List<Delivered> unique = distinct(batch);
        if (unique.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<UUID> keys = unique.stream().map(d -> ChainHash.chainKey(d.event().companyId())).distinct().toList();
        return pool.withTransaction(conn -> chain.lock(conn, keys)
                .chain(heads -> unseen(conn, unique).chain(fresh -> {
                    List<EventEnvelope> events = fresh.stream().map(Delivered::event).toList();
                    List<TrailEntry> entries = chain.link(fresh, heads, now);
                    return apps.apply(conn, events)
                            .chain(() -> insert(conn, entries))
                            .chain(() -> chain.save(conn, heads))
                            .chain(() -> project(conn, events))
                            .replaceWith(entries);
                })))
                .invoke(entries -> {
                    // Prometheus: events recorded per type (the event catalogue bounds the label), new ones only.
                    for (TrailEntry e : entries) {
                        meters.counter("gatehouse.audit.events.recorded", "type", e.event().eventType()).increment();
                    }
                })
                .map(List::size);
    }

    /** One of each event id, its time as PostgreSQL keeps it (microseconds), so the hash covers what is stored. */
    private static List<Delivered> distinct(List<Delivered> batch) {
        Map<UUID, Delivered> byId = new LinkedHashMap<>();
        for (Delivered d : batch) {
            EventEnvelope e = d.event();
            byId.putIfAbsent(e.eventId(), new Delivered(new EventEnvelope(e.eventId(), e.eventType(),
                    e.eventVersion(), e.occurredAt().truncatedTo(ChronoUnit.MICROS), e.source(), e.companyId(),
                    e.actor(), e.aggregateType(), e.aggregateId(), e.payload()), d.topic()));
        }
        return List.copyOf(byId.values());
    }

    private static Uni<List<Delivered>> unseen(SqlConnection conn, List<Delivered> batch) {
        UUID[] ids = batch.stream().map(d -> d.event().eventId()).toArray(UUID[]::new);
        return conn.preparedQuery(SEEN).execute(Tuple.of(ids)).map(rows -> {
            Set<UUID> seen = new HashSet<>();
            for (Row row : rows) {
                seen.add(row.getUUID("event_id"));
            }
            return batch.stream().filter(d -> !seen.contains(d.event().eventId())).toList();
        });
    }

    private static Uni<Void> insert(SqlConnection conn, List<TrailEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = entries.size();
        Object[][] columns = {new UUID[n], new String[n], new Integer[n], new OffsetDateTime[n], new String[n],
                new UUID[n], new String[n], new String[n], new String[n], new String[n], new String[n],
                new String[n], new OffsetDateTime[n], new UUID[n], new UUID[n], new String[n], new UUID[n],
                new Long[n], new Buffer[n], new Buffer[n]};
        for (int i = 0; i < n; i++) {
            TrailEntry t = entries.get(i);
            EventEnvelope e = t.event();
            Object[] row = {e.eventId(), e.eventType(), e.eventVersion(), utc(e.occurredAt()), e.source(),
                    e.companyId(), e.actor().type(), e.actor().id(), e.aggregateType(), e.aggregateId(), t.topic(),
                    e.payload().toString(), utc(t.recordedAt()), t.refs().appId(), t.refs().installationId(),
                    t.refs().clientId(), t.chainKey(), t.seq(), Buffer.buffer(t.prevHash()),
                    Buffer.buffer(t.hash())};
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        return conn.preparedQuery(INSERT).execute(Tuple.tuple(List.of((Object[]) columns))).replaceWithVoid();
    }

    private Uni<Void> project(SqlConnection conn, List<EventEnvelope> events) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (TrailProjection projection : projections) {
            done = done.chain(() -> projection.apply(conn, events));
        }
        return done;
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
