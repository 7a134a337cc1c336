package dev.gatehouse.audit.report;

import dev.gatehouse.audit.csv.CsvTable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An installed app's API requests in a company, per day, split by project and status class (Procore's App
 * Management usage view): what the company admin sees for one installation over {@code from}..{@code to}. As CSV,
 * one row per day, project and status class.
 *
 * @param total every request of the period
 */
public record InstallationUsage(UUID companyId, UUID installationId, LocalDate from, LocalDate to, long total,
        List<Row> days) implements CsvTable {

    /**
     * @param projectId   the project the requests named, or null for requests that named none
     * @param statusClass {@code 2xx}, {@code 3xx}, {@code 4xx} or {@code 5xx}
     */
    public record Row(LocalDate day, UUID projectId, String statusClass, long requests) {
    }

    @Override
    public Class<? extends Record> rowType() {
        return Row.class;
    }

    @Override
    public List<? extends Record> rows() {
        return days;
    }
}
