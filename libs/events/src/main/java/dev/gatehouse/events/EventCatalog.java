package dev.gatehouse.events;

import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.events.usage.UsageEvents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every event type Gatehouse publishes, looked up by name. Adding an event type means adding it here. */
public final class EventCatalog {

    private static final List<EventType<?>> ALL = Stream.of(DirectoryEvents.ALL, AppsEvents.ALL, TokenEvents.ALL,
            UsageEvents.ALL)
            .flatMap(List::stream)
            .toList();

    private static final Map<String, EventType<?>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
