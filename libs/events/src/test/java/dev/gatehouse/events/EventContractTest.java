package dev.gatehouse.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One contract test per event type: the committed JSON example must map onto the payload record with no field left
 * over or missing, and serialize back to the same document. Changing a payload record without updating its example
 * (that is, changing the published contract silently) fails here.
 */
class EventContractTest {

    /** Stricter than the consumers' mapper: a field in the example that the record lacks is drift. */
    private static final ObjectMapper STRICT = EventJson.mapper().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @TestFactory
    Stream<DynamicTest> everyEventTypeMatchesItsCommittedExample() {
        return EventCatalog.all().stream().map(type -> DynamicTest.dynamicTest(type.name(), () -> check(type)));
    }

    @Test
    void everyCommittedExampleBelongsToARegisteredEventType() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/contracts").toURI());
        Set<String> examples;
        try (Stream<Path> files = Files.list(dir)) {
            examples = files.map(p -> p.getFileName().toString().replace(".json", "")).collect(Collectors.toSet());
        }
        Set<String> registered = EventCatalog.all().stream().map(EventType::name).collect(Collectors.toSet());
        assertThat(examples).isEqualTo(registered);
    }

    @Test
    void everyEventTypeGoesToAKnownTopicWithTheHouseNaming() {
        for (EventType<?> type : EventCatalog.all()) {
            assertThat(Topics.ALL).contains(type.topic());
            assertThat(type.topic()).matches("(directory|apps|token|audit)\\.[a-z-]+\\.v" + type.version());
        }
    }

    private static void check(EventType<?> type) throws IOException {
        JsonNode example = read(type.name());
        EventEnvelope envelope = STRICT.treeToValue(example, EventEnvelope.class);

        assertThat(envelope.eventType()).isEqualTo(type.name());
        assertThat(envelope.eventVersion()).isEqualTo(type.version());
        assertThat(envelope.aggregateType()).isEqualTo(type.aggregateType());

        Object payload = STRICT.treeToValue(envelope.payload(), type.payloadType());
        assertThat((JsonNode) STRICT.valueToTree(payload)).as("payload round trip").isEqualTo(example.get("payload"));
        assertThat(STRICT.readTree(EventJson.serialize(envelope))).as("envelope round trip").isEqualTo(example);
        assertThat(EventJson.parse(EventJson.serialize(envelope))).isEqualTo(envelope);
    }

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/contracts/" + name + ".json")) {
            assertThat(in).as("committed example contracts/%s.json", name).isNotNull();
            return STRICT.readTree(in);
        }
    }
}
