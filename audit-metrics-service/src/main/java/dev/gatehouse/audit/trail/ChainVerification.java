package dev.gatehouse.audit.trail;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * What checking a chain found.
 *
 * @param companyId  the company (null: the platform's own events)
 * @param intact     every entry is as recorded, none is missing, and the chain ends where its head says
 * @param entries    the entries checked
 * @param firstSeq   the first entry's number (after the checkpoint, if months were dropped); null if none
 * @param lastSeq    the last entry's number; null if none
 * @param headHash   the last entry's hash (hex): note it down to prove later that nothing before it changed
 * @param checkpoint where the chain stood at the end of the newest month that retention dropped, or null
 * @param firstBreak the first entry that does not check out, or null
 */
public record ChainVerification(UUID companyId, boolean intact, long entries, Long firstSeq, Long lastSeq,
        String headHash, Checkpoint checkpoint, Break firstBreak) {

    /** The chain's last entry in a dropped month. */
    public record Checkpoint(String partition, long seq, String hash) {
    }

    /**
     * An entry that does not check out.
     *
     * @param reason {@code altered} (its hash does not match what it says), {@code missing} (entries before it are
     *               gone), {@code unlinked} (it does not follow the entry before it) or {@code truncated} (entries
     *               after it are gone: the chain's head is further on)
     */
    public record Break(long seq, UUID eventId,
            @Schema(enumeration = {"altered", "missing", "unlinked", "truncated"}) String reason) {
    }
}
