package dev.gatehouse.apps.installation;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.gatehouse.apps.persistence.JsonTextConverter;
import jakarta.persistence.Converter;

/** A {@link Grant} as a JSON object. */
@Converter
public class GrantConverter extends JsonTextConverter<Grant> {

    public GrantConverter() {
        super(new TypeReference<>() {
        });
    }
}
