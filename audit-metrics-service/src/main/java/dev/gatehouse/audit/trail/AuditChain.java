package dev.gatehouse.audit.trail;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each company's hash chain (one more for the platform's own events): every new entry gets the next number and the
 * previous entry's hash, and its own ({@link ChainHash}). The chains' last entries ({@code audit_chain_head}) are
 * locked for the writer's transaction, in key order so two writers never deadlock, which makes one writer at a time
 * per chain, whatever the number of replicas.
 */
@ApplicationScoped
class AuditChain {

    /** Where a chain stands: its last entry's number, hash and recording time. */
    static final class Head {
        long seq;
        byte[] hash;
        Instant recordedAt;

        Head(long seq, byte[] hash, Instant recordedAt) {
            this.seq = seq;
            this.hash = hash;
            this.recordedAt = recordedAt;
        }
    }

    private static final String CREATE = """
            insert into audit_chain_head (chain_key, seq, hash, recorded_at)
            select k, 0, '\\x'::bytea, 'epoch'::timestamptz from unnest($1::uuid[]) k
            on conflict (chain_key) do nothing
            """;
    private static final String LOCK = """
            select chain_key, seq, hash, recorded_at from audit_chain_head
            where chain_key = any($1::uuid[]) order by chain_key for update
            """;
    private static final String SAVE = """
            update audit_chain_head h set seq = v.seq, hash = v.hash, recorded_at = v.recorded_at
            from unnest($1::uuid[], $2::bigint[], $3::bytea[], $4::timestamptz[]) v(chain_key, seq, hash, recorded_at)
            where h.chain_key = v.chain_key
            """;

    /** Locks the heads of {@code keys} (creating those never seen) until the transaction ends. */
    Uni<Map<UUID, Head>> lock(SqlConnection conn, List<UUID> keys) {
        UUID[] array = keys.stream().sorted().toArray(UUID[]::new);
        return conn.preparedQuery(CREATE).execute(Tuple.of(array))
                .chain(() -> conn.preparedQuery(LOCK).execute(Tuple.of(array)))
                .map(rows -> {
                    Map<UUID, Head> heads = new HashMap<>();
                    for (Row row : rows) {
                        heads.put(row.getUUID("chain_key"), new Head(row.getLong("seq"),
                                row.getBuffer("hash").getBytes(), row.getOffsetDateTime("recorded_at").toInstant()));
                    }
                    return heads;
                });
    }

    /**
     * Gives each delivered event, in order, its place in its chain. Its recording time never goes back within a
     * chain (the clock may), so the oldest month's partition always holds the start of every chain it touches.
     */
    List<TrailEntry> link(List<AuditTrailWriter.Delivered> fresh, Map<UUID, Head> heads, Instant now) {
        List<TrailEntry> entries = new ArrayList<>(fresh.size());
        Instant clock = now.truncatedTo(ChronoUnit.MICROS);
        for (AuditTrailWriter.Delivered d : fresh) {
            UUID key = ChainHash.chainKey(d.event().companyId());
            Head head = heads.get(key);
            Instant recordedAt = clock.isBefore(head.recordedAt) ? head.recordedAt : clock;
            long seq = head.seq + 1;
            String payload = d.event().payload().toString();
            byte[] hash = ChainHash.of(head.hash, seq, d.event(), d.topic(), payload, recordedAt);
            entries.add(new TrailEntry(d.event(), d.topic(), EntryRefs.of(d.event().payload()), key, seq, head.hash,
                    hash, recordedAt));
            head.seq = seq;
            head.hash = hash;
            head.recordedAt = recordedAt;
        }
        return entries;
    }

    Uni<Void> save(SqlConnection conn, Map<UUID, Head> heads) {
        int n = heads.size();
        UUID[] keys = new UUID[n];
        Long[] seqs = new Long[n];
        Buffer[] hashes = new Buffer[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        int i = 0;
        for (Map.Entry<UUID, Head> e : heads.entrySet()) {
            keys[i] = e.getKey();
            seqs[i] = e.getValue().seq;
            hashes[i] = Buffer.buffer(e.getValue().hash);
            times[i] = OffsetDateTime.ofInstant(e.getValue().recordedAt, ZoneOffset.UTC);
            i++;
        }
        return conn.preparedQuery(SAVE).execute(Tuple.of(keys, seqs, hashes, times)).replaceWithVoid();
    }
}
