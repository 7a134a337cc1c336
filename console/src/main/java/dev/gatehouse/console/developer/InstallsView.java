package dev.gatehouse.console.developer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An app's installs report (audit-metrics-service's days with installs and uninstalls) arranged for a chart: every
 * day of the period, the quiet ones as zeros, and the period's totals. It counts nothing itself.
 */
public record InstallsView(List<Day> days, long installed, long uninstalled) {

    public record Day(String day, long installed, long uninstalled) {
    }

    static InstallsView of(Map<String, Object> report) {
        TreeMap<LocalDate, long[]> byDay = new TreeMap<>();
        LocalDate from = LocalDate.parse(String.valueOf(report.get("from")));
        LocalDate to = LocalDate.parse(String.valueOf(report.get("to")));
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            byDay.put(d, new long[2]);
        }
        if (report.get("days") instanceof List<?> rows) {
            for (Object o : rows) {
                if (o instanceof Map<?, ?> row) {
                    long[] counts = byDay.computeIfAbsent(LocalDate.parse(String.valueOf(row.get("day"))),
                            d -> new long[2]);
                    counts[0] += ((Number) row.get("installed")).longValue();
                    counts[1] += ((Number) row.get("uninstalled")).longValue();
                }
            }
        }
        List<Day> days = new ArrayList<>();
        long installed = 0;
        long uninstalled = 0;
        for (var entry : byDay.entrySet()) {
            long[] c = entry.getValue();
            days.add(new Day(entry.getKey().toString(), c[0], c[1]));
            installed += c[0];
            uninstalled += c[1];
        }
        return new InstallsView(days, installed, uninstalled);
    }
}
