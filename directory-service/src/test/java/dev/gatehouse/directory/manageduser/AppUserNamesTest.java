package dev.gatehouse.directory.manageduser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppUserNamesTest {

    @Test
    void theSeedsExampleGetsTheSeedsShape() {
        assertThat(AppUserNames.forApp("My DMSA Test App")).matches("my-dmsa-test-app-[0-9a-f]{8}");
    }

    @Test
    void everyRunOfOtherCharactersBecomesOneDashAndNoneAreLeftAtTheEnds() {
        assertThat(AppUserNames.stem("  Budget++ Sync (Beta) ")).isEqualTo("budget-sync-beta");
        assertThat(AppUserNames.stem("Café_Tool/2")).isEqualTo("caf-tool-2");
    }

    @Test
    void aNameWithoutLettersOrDigitsStillGetsAStem() {
        assertThat(AppUserNames.stem("***")).isEqualTo("app");
    }

    @Test
    void twoInstallationsOfOneAppGetDifferentNames() {
        assertThat(AppUserNames.forApp("Sync")).isNotEqualTo(AppUserNames.forApp("Sync"));
    }

    @Test
    void longNamesFitTheDirectory() {
        assertThat(AppUserNames.forApp("x".repeat(500))).hasSizeLessThanOrEqualTo(200);
    }
}
