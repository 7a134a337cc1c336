package dev.gatehouse.audit.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An app's installs and uninstalls over a period, and each company that installed it with what that company shares
 * with the app's developer: the installation's status and dates, and the app's own request count and last use there
 * (docs/security.md, "What a developer sees of a company").
 */
public record AppInstalls(UUID appId, LocalDate from, LocalDate to, List<Day> days, List<Company> companies) {

    public record Day(LocalDate day, long installed, long uninstalled) {
    }

    /**
     * @param status   active, disabled, suspended or uninstalled, as the latest installation event said
     * @param requests the app's API requests in that company over the period
     */
    public record Company(UUID companyId, UUID installationId, String status, Instant installedAt,
            Instant uninstalledAt, long requests, Instant lastUsedAt) {
    }
}
