package dev.gatehouse.console.appmanagement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An installation's usage report (audit-metrics-service's rows of day, project, status class, requests) arranged
 * for the Usage tab: one row per day of the period with requests per status class, for the chart and its table, and
 * the period's requests per project by name. Only arranges what the report says; it counts nothing itself.
 */
public record UsageView(List<Day> days, List<ProjectTotal> projects, long total) {

    /** One day of the period: requests per status class, and all of them. */
    public record Day(String day, long ok, long redirect, long clientError, long serverError) {
        public long total() {
            return ok + redirect + clientError + serverError;
        }
    }

    public record ProjectTotal(String name, long requests) {
    }

    static UsageView of(Map<String, Object> report, List<Map<String, Object>> projects) {
        Map<String, String> names = new LinkedHashMap<>();
        projects.forEach(p -> names.put(String.valueOf(p.get("id")), String.valueOf(p.get("name"))));
        TreeMap<LocalDate, long[]> byDay = new TreeMap<>();
        LocalDate from = LocalDate.parse(String.valueOf(report.get("from")));
        LocalDate to = LocalDate.parse(String.valueOf(report.get("to")));
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            byDay.put(d, new long[4]);
        }
        Map<String, Long> byProject = new TreeMap<>();
        if (report.get("days") instanceof List<?> rows) {
            for (Object o : rows) {
                if (o instanceof Map<?, ?> row) {
                    long requests = ((Number) row.get("requests")).longValue();
                    long[] counts = byDay.computeIfAbsent(LocalDate.parse(String.valueOf(row.get("day"))),
                            d -> new long[4]);
                    counts[statusIndex(String.valueOf(row.get("statusClass")))] += requests;
                    Object project = row.get("projectId");
                    String name = project == null ? "No project" : names.getOrDefault(project.toString(),
                            "Project " + project);
                    byProject.merge(name, requests, Long::sum);
                }
            }
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((day, c) -> days.add(new Day(day.toString(), c[0], c[1], c[2], c[3])));
        List<ProjectTotal> totals = byProject.entrySet().stream()
                .map(e -> new ProjectTotal(e.getKey(), e.getValue())).toList();
        Object total = report.get("total");
        return new UsageView(days, totals, total instanceof Number n ? n.longValue() : 0);
    }

    private static int statusIndex(String statusClass) {
        return switch (statusClass) {
            case "3xx" -> 1;
            case "4xx" -> 2;
            case "5xx" -> 3;
            default -> 0;
        };
    }
}
