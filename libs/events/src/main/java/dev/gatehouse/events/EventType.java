package dev.gatehouse.events;

/**
 * One published event type: its name, major version, the topic it goes to, the aggregate it belongs to and the
 * record its payload is.
 */
public record EventType<P>(String name, int version, String topic, String aggregateType, Class<P> payloadType) {
}
