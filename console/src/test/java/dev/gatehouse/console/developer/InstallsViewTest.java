package dev.gatehouse.console.developer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The installs chart has every day of the report's period, the quiet ones as zeros, and adds nothing. */
class InstallsViewTest {

    @Test
    void everyDayOfThePeriodIsShownWithTheReportsCounts() {
        InstallsView view = InstallsView.of(Map.of("from", "2026-11-28", "to", "2026-11-30", "days", List.of(
                Map.of("day", "2026-11-28", "installed", 2, "uninstalled", 0),
                Map.of("day", "2026-11-30", "installed", 1, "uninstalled", 1))));

        assertThat(view.days()).containsExactly(new InstallsView.Day("2026-11-28", 2, 0),
                new InstallsView.Day("2026-11-29", 0, 0), new InstallsView.Day("2026-11-30", 1, 1));
        assertThat(view.installed()).isEqualTo(3);
        assertThat(view.uninstalled()).isEqualTo(1);
    }
}
