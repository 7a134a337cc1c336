package dev.gatehouse.events.apps;

import java.util.List;
import java.util.UUID;

/**
 * A published version adds permissions to an installation and waits for an admin's approval.
 *
 * @param added what approval would add, e.g. {@code company:budget:none->read_only}, {@code scope:budget.read}
 */
public record UpgradeRequested(UUID requestId, UUID installationId, UUID companyId, UUID appId, String fromVersion,
        String toVersion, List<String> added, boolean highRisk) {
}
