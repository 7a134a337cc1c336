package dev.gatehouse.token.throttle;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A burst of failures fits PostgreSQL's notification payload (8000 bytes) by being split, and none is lost. */
class ThrottleGossipTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBurstIsSplitIntoPayloadsPostgresAcceptsWithEveryFailureInOne() throws Exception {
        List<ThrottleGossip.News> burst = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            burst.add(new ThrottleGossip.News("sign-in", ThrottleGossip.FAILED, "person" + i + "@example.com",
                    "2001:db8::" + Integer.toHexString(i)));
        }

        List<String> payloads = ThrottleGossip.payloads(JSON, "replica-a", burst);

        assertThat(payloads).hasSizeGreaterThan(1);
        List<String> subjects = new ArrayList<>();
        for (String payload : payloads) {
            assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000 - "throttle:".length());
            assertThat(JSON.readTree(payload).path("replica").asText()).isEqualTo("replica-a");
            subjects.addAll(JSON.readTree(payload).path("news").findValuesAsText("subject"));
        }
        assertThat(subjects).hasSize(500).doesNotHaveDuplicates();
    }

    @Test
    void nothingSeenIsNothingSent() {
        assertThat(ThrottleGossip.payloads(JSON, "replica-a", List.of())).isEmpty();
    }
}
