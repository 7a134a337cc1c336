package dev.gatehouse.directory.permissionset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.permission.AccessLevel;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.io.UncheckedIOException;
import java.util.Map;

/** Stores a {@link PermissionSet} as a small JSON object in a text column, in the events' wire form. */
@Converter
public class PermissionSetConverter implements AttributeConverter<PermissionSet, String> {

    private static final TypeReference<Map<String, AccessLevel>> WIRE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(PermissionSet permissions) {
        try {
            return EventJson.mapper().writeValueAsString((permissions == null ? PermissionSet.NONE : permissions)
                    .wire());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PermissionSet convertToEntityAttribute(String json) {
        try {
            return json == null ? PermissionSet.NONE : PermissionSet.fromWire(EventJson.mapper().readValue(json, WIRE));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
