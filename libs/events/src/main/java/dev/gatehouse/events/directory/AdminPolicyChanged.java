package dev.gatehouse.events.directory;

import java.util.UUID;

/** A company changed what it asks of its admins: {@code requireSecondFactor}, to act as admins at all. */
public record AdminPolicyChanged(UUID companyId, boolean requireSecondFactor) {
}
