package dev.gatehouse.audit.report;

import dev.gatehouse.events.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One installed app in a company, for its admins (Procore's App Management): what it may reach now, who installed it
 * and who changed it, who used it through it, when it was last used, and its tokens per day over the period. Its
 * API requests per day are the {@code /usage} report beside it.
 *
 * @param status         active, disabled, suspended or uninstalled, as the latest installation event said
 * @param projectAccess  {@code all} (every current and future project) or {@code selected}
 * @param projectIds     the permitted projects when {@code selected}
 * @param installed      the {@code AppInstalled} entry: who and when
 * @param changes        every installation event since, newest first (at most 100)
 * @param lastUsedAt     the last API call made through it (to the minute), null if none was recorded
 * @param people         the people it acted for in the period (user-delegated tokens), most recent first
 * @param tokensPerDay   tokens issued per day and kind ({@code installation} or {@code user_delegated})
 */
public record InstallationReport(UUID companyId, UUID installationId, UUID appId, String appName, String version,
        String status, String projectAccess, List<UUID> projectIds, Change installed, List<Change> changes,
        Instant lastUsedAt, LocalDate from, LocalDate to, List<Person> people, List<TokensOnDay> tokensPerDay) {

    /** One installation event: what, who, when. */
    public record Change(String type, Actor actor, Instant at) {
    }

    /** A person the app acted for: tokens issued for them and API calls made for them in the period. */
    public record Person(UUID accountId, long tokens, Instant lastIssuedAt, long calls, Instant lastCallAt) {
    }

    public record TokensOnDay(LocalDate day, String kind, long tokens) {
    }
}
