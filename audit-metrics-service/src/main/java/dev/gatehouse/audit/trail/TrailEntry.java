package dev.gatehouse.audit.trail;

import dev.gatehouse.events.EventEnvelope;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as the trail records it: where it came from, the references its filters use, and its place in its
 * company's hash chain ({@link ChainHash}).
 */
record TrailEntry(EventEnvelope event, String topic, EntryRefs refs, UUID chainKey, long seq, byte[] prevHash,
        byte[] hash, Instant recordedAt) {
}
