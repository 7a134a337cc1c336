package dev.gatehouse.audit.trail;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Checks a chain in the database: every entry's hash recomputed ({@code audit_entry_hash}, the same bytes as
 * {@link ChainHash}), every entry following the one before it, the first following the newest checkpoint (or
 * starting the chain), the last being the head. A row changed, removed or inserted by anyone who can write the table
 * breaks one of these, unless they also rewrite every later hash and the head: {@code headHash} is what to keep
 * elsewhere to catch that too.
 */
@ApplicationScoped
class ChainVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private static final String CHECKPOINT = """
            select partition_name, seq, hash from audit_chain_checkpoint
            where chain_key = $1 order by seq desc limit 1
            """;
    private static final String HEAD = "select seq, hash from audit_chain_head where chain_key = $1";
    private static final String SPAN = """
            select count(*) as entries, min(seq) as first_seq, max(seq) as last_seq from audit_event
            where chain_key = $1
            """;
    private static final String FIRST = """
            select seq, event_id, prev_hash from audit_event where chain_key = $1 order by seq limit 1
            """;
    private static final String FIRST_BREAK = """
            select seq, event_id, reason from (
                select seq, event_id,
                       case when hash <> audit_entry_hash(prev_hash, seq, event_id, event_type, event_version,
                                    occurred_at, source, company_id, actor_type, actor_id, target_type, target_id,
                                    topic, payload, recorded_at) then 'altered'
                            when seq <> lag(seq) over w + 1 then 'missing'
                            when prev_hash <> lag(hash) over w then 'unlinked' end as reason
                from audit_event where chain_key = $1 window w as (order by seq)) checked
            where reason is not null order by seq limit 1
            """;
    private static final String LAST = """
            select seq, event_id, hash from audit_event where chain_key = $1 order by seq desc limit 1
            """;

    private final Pool pool;

    ChainVerifier(Pool pool) {
        this.pool = pool;
    }

    Uni<ChainVerification> verify(UUID companyId) {
        UUID key = ChainHash.chainKey(companyId);
        Tuple k = Tuple.of(key);
        return pool.withConnection(conn -> conn.preparedQuery(CHECKPOINT).execute(k)
                .chain(cp -> conn.preparedQuery(HEAD).execute(k)
                .chain(head -> conn.preparedQuery(SPAN).execute(k)
                .chain(span -> conn.preparedQuery(FIRST).execute(k)
                .chain(first -> conn.preparedQuery(FIRST_BREAK).execute(k)
                .chain(broken -> conn.preparedQuery(LAST).execute(k)
                .map(last -> judge(companyId, one(cp), one(head), one(span), one(first), one(broken),
                        one(last)))))))));
    }

    private static ChainVerification judge(UUID companyId, Row cp, Row head, Row span, Row first, Row broken,
            Row last) {
        ChainVerification.Checkpoint checkpoint = cp == null ? null : new ChainVerification.Checkpoint(
                cp.getString("partition_name"), cp.getLong("seq"), hex(cp.getBuffer("hash").getBytes()));
        long entries = span.getLong("entries");
        Long firstSeq = span.getLong("first_seq");
        Long lastSeq = span.getLong("last_seq");
        String headHash = head == null || head.getLong("seq") == 0 ? null : hex(head.getBuffer("hash").getBytes());
        ChainVerification.Break firstBreak = null;
        if (first != null) {
            long expectedSeq = checkpoint == null ? 1 : checkpoint.seq() + 1;
            byte[] expectedPrev = checkpoint == null ? ChainHash.GENESIS : HEX.parseHex(checkpoint.hash());
            if (first.getLong("seq") != expectedSeq) {
                firstBreak = new ChainVerification.Break(first.getLong("seq"), first.getUUID("event_id"), "missing");
            } else if (!Arrays.equals(first.getBuffer("prev_hash").getBytes(), expectedPrev)) {
                firstBreak = new ChainVerification.Break(first.getLong("seq"), first.getUUID("event_id"),
                        "unlinked");
            }
        }
        if (firstBreak == null && broken != null) {
            firstBreak = new ChainVerification.Break(broken.getLong("seq"), broken.getUUID("event_id"),
                    broken.getString("reason"));
        }
        if (firstBreak == null && head != null && head.getLong("seq") > (last == null
                ? (checkpoint == null ? 0 : checkpoint.seq()) : last.getLong("seq"))) {
            firstBreak = last == null ? new ChainVerification.Break(head.getLong("seq"), null, "truncated")
                    : new ChainVerification.Break(last.getLong("seq"), last.getUUID("event_id"), "truncated");
        }
        if (firstBreak == null && last != null && head != null
                && !Arrays.equals(last.getBuffer("hash").getBytes(), head.getBuffer("hash").getBytes())) {
            firstBreak = new ChainVerification.Break(last.getLong("seq"), last.getUUID("event_id"), "unlinked");
        }
        return new ChainVerification(companyId, firstBreak == null, entries, firstSeq, lastSeq, headHash, checkpoint,
                firstBreak);
    }

    private static Row one(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? it.next() : null;
    }

    private static String hex(byte[] b) {
        return HEX.formatHex(b);
    }
}
