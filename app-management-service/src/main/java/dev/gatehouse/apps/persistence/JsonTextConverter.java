package dev.gatehouse.apps.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.gatehouse.events.EventJson;
import jakarta.persistence.AttributeConverter;

import java.io.UncheckedIOException;

/**
 * Stores a small value as JSON text, in the events' mapping (access levels by their wire names), so what is stored
 * reads the same as what is published. Values must be immutable: Hibernate sees a change only on reassignment.
 */
public abstract class JsonTextConverter<T> implements AttributeConverter<T, String> {

    private final TypeReference<T> type;

    protected JsonTextConverter(TypeReference<T> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public T convertToEntityAttribute(String json) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
