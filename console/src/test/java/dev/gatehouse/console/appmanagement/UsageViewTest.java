package dev.gatehouse.console.appmanagement;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Usage tab shows the report's rows per day of the whole period and per project by name, adding nothing. */
class UsageViewTest {

    private static final String TOWER = "5f0c8a2e-0000-4000-8000-000000000001";

    @Test
    void everyDayOfThePeriodHasARowAndEachStatusClassItsColumn() {
        UsageView view = UsageView.of(report("2026-11-28", "2026-11-30", 7,
                row("2026-11-28", TOWER, "2xx", 3), row("2026-11-30", TOWER, "4xx", 1),
                row("2026-11-30", null, "2xx", 2), row("2026-11-30", TOWER, "5xx", 1)), projects());

        assertThat(view.days()).extracting(UsageView.Day::day)
                .containsExactly("2026-11-28", "2026-11-29", "2026-11-30");
        assertThat(view.days().get(0)).isEqualTo(new UsageView.Day("2026-11-28", 3, 0, 0, 0));
        assertThat(view.days().get(1).total()).as("a day without requests is still shown").isZero();
        assertThat(view.days().get(2)).isEqualTo(new UsageView.Day("2026-11-30", 2, 0, 1, 1));
        assertThat(view.total()).as("the report's own total").isEqualTo(7);
    }

    @Test
    void projectsAreNamedAndRequestsThatNamedNoneAreSaidSo() {
        String gone = "5f0c8a2e-0000-4000-8000-000000000009";
        UsageView view = UsageView.of(report("2026-11-30", "2026-11-30", 6,
                row("2026-11-30", TOWER, "2xx", 3), row("2026-11-30", TOWER, "4xx", 1),
                row("2026-11-30", null, "2xx", 1), row("2026-11-30", gone, "2xx", 1)), projects());

        assertThat(view.projects()).containsExactlyInAnyOrder(new UsageView.ProjectTotal("Tower", 4),
                new UsageView.ProjectTotal("No project", 1), new UsageView.ProjectTotal("Project " + gone, 1));
    }

    private static List<Map<String, Object>> projects() {
        return List.of(Map.of("id", TOWER, "name", "Tower"));
    }

    private static Map<String, Object> report(String from, String to, long total, Map<?, ?>... rows) {
        return Map.of("from", from, "to", to, "total", total, "days", List.of(rows));
    }

    private static Map<String, Object> row(String day, String projectId, String statusClass, long requests) {
        Map<String, Object> row = new HashMap<>();
        row.put("day", day);
        row.put("projectId", projectId);
        row.put("statusClass", statusClass);
        row.put("requests", requests);
        return row;
    }
}
