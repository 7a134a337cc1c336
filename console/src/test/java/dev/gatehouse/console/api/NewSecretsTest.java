package dev.gatehouse.console.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The page that shows a new secret once says when that secret, not another live one, was made. */
class NewSecretsTest {

    @Test
    void theNewSecretsTimeIsTakenFromTheListOfLiveSecrets() {
        Map<String, Object> answer = Map.of("secretId", "b", "clientSecret", "s3cr3t", "secrets", List.of(
                Map.of("id", "a", "createdAt", "2026-11-30T10:00:00Z"),
                Map.of("id", "b", "createdAt", "2026-12-01T08:00:00Z")));
        assertThat(NewSecrets.createdAt(answer)).isEqualTo("2026-12-01T08:00:00Z");
        assertThat(NewSecrets.createdAt(Map.of("secretId", "c", "secrets", List.of()))).isNull();
        assertThat(NewSecrets.createdAt(Map.of())).isNull();
    }
}
