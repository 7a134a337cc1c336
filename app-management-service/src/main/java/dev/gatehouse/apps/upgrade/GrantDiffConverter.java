package dev.gatehouse.apps.upgrade;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.gatehouse.apps.persistence.JsonTextConverter;
import jakarta.persistence.Converter;

/** A {@link GrantDiff} as a JSON object. */
@Converter
public class GrantDiffConverter extends JsonTextConverter<GrantDiff> {

    public GrantDiffConverter() {
        super(new TypeReference<>() {
        });
    }
}
