package dev.gatehouse.events.permission;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessLevelTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void levelsAreOrderedNoneReadOnlyStandardAdmin() {
        assertThat(AccessLevel.ADMIN.atLeast(AccessLevel.STANDARD)).isTrue();
        assertThat(AccessLevel.STANDARD.atLeast(AccessLevel.READ_ONLY)).isTrue();
        assertThat(AccessLevel.READ_ONLY.atLeast(AccessLevel.READ_ONLY)).isTrue();
        assertThat(AccessLevel.READ_ONLY.atLeast(AccessLevel.STANDARD)).isFalse();
        assertThat(AccessLevel.NONE.atLeast(AccessLevel.READ_ONLY)).isFalse();
    }

    @Test
    void theWireNamesAreLowerSnakeCaseBothWays() throws Exception {
        assertThat(json.writeValueAsString(AccessLevel.READ_ONLY)).isEqualTo("\"read_only\"");
        assertThat(json.readValue("\"standard\"", AccessLevel.class)).isEqualTo(AccessLevel.STANDARD);
        assertThat(AccessLevel.byWireName("ADMIN")).isEmpty();
        assertThatThrownBy(() -> json.readValue("\"owner\"", AccessLevel.class)).hasMessageContaining("owner");
    }

    @Test
    void toolsAreFoundByTheirWireName() {
        assertThat(Tool.byWireName("rfis")).contains(Tool.RFIS);
        assertThat(Tool.byWireName("RFIs")).isEmpty();
        assertThat(Tool.all()).extracting(Tool::wireName)
                .containsExactly("directory", "projects", "documents", "rfis", "submittals", "budget");
    }
}
