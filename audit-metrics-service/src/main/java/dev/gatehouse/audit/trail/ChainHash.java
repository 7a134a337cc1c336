package dev.gatehouse.audit.trail;

import dev.gatehouse.events.EventEnvelope;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What an entry's hash covers: SHA-256 over the previous entry's hash, the entry's place in the chain and every
 * column the trail stores of the event. The V3 migration's {@code audit_entry_hash} computes the same bytes in the
 * database, which is how {@link ChainVerifier} checks a chain in one query; a test keeps the two equal.
 * <p>
 * Each text is its UTF-8 length (4 bytes, -1 for null) then its bytes, so no two different entries encode alike;
 * times are microseconds since the epoch (what PostgreSQL keeps); numbers are big-endian.
 */
final class ChainHash {

    static final byte[] GENESIS = new byte[0];

    private ChainHash() {
    }

    static byte[] of(byte[] prevHash, long seq, EventEnvelope e, String topic, String payload, Instant recordedAt) {
        Encoder out = new Encoder();
        out.bytes(prevHash);
        out.int8(seq);
        out.text(e.eventId().toString());
        out.text(e.eventType());
        out.int4(e.eventVersion());
        out.int8(micros(e.occurredAt()));
        out.text(e.source());
        out.text(e.companyId() == null ? null : e.companyId().toString());
        out.text(e.actor().type());
        out.text(e.actor().id());
        out.text(e.aggregateType());
        out.text(e.aggregateId());
        out.text(topic);
        out.text(payload);
        out.int8(micros(recordedAt));
        return out.sha256();
    }

    /** The key of the chain an event joins: its company, or the nil UUID for the platform's own events. */
    static UUID chainKey(UUID companyId) {
        return companyId == null ? new UUID(0, 0) : companyId;
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static final class Encoder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

        void bytes(byte[] b) {
            out.writeBytes(b);
        }

        void int4(int v) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
        }

        void int8(long v) {
            out.writeBytes(ByteBuffer.allocate(8).putLong(v).array());
        }

        void text(String t) {
            if (t == null) {
                int4(-1);
                return;
            }
            byte[] b = t.getBytes(StandardCharsets.UTF_8);
            int4(b.length);
            bytes(b);
        }

        byte[] sha256() {
            try {
                return MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }
}
