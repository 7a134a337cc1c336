package dev.gatehouse.apps.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Converter;

import java.util.List;
import java.util.UUID;

/** A list of project ids as a JSON array. */
@Converter
public class ProjectIdsConverter extends JsonTextConverter<List<UUID>> {

    public ProjectIdsConverter() {
        super(new TypeReference<>() {
        });
    }
}
