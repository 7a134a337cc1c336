package dev.gatehouse.web.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * Our JSON writes absent values as {@code null} rather than leaving them out, so in OpenAPI 3.1 (JSON Schema
 * 2020-12) every property a schema does not list as required may be {@code null}: say so, or a client generated
 * from the document rejects our answers.
 */
final class NullableProperties {

    private NullableProperties() {
    }

    static void mark(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (Map.Entry<String, Schema> component : openAPI.getComponents().getSchemas().entrySet()) {
            Schema schema = component.getValue();
            // error bodies leave empty members out instead (Problem is @JsonInclude(NON_EMPTY))
            if (schema.getProperties() == null || ErrorResponses.SCHEMAS.contains(component.getKey())) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                if (!required.contains(property.getKey())) {
                    schema.addProperty(property.getKey(), nullable(property.getValue()));
                }
            }
        }
    }

    private static Schema nullable(Schema property) {
        Schema nullType = OASFactory.createSchema().addType(Schema.SchemaType.NULL);
        if (property.getRef() != null) {
            return OASFactory.createSchema().description(property.getDescription())
                    .addAnyOf(OASFactory.createSchema().ref(property.getRef())).addAnyOf(nullType);
        }
        if (property.getType() != null && !property.getType().isEmpty()
                && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        } else if ((property.getType() == null || property.getType().isEmpty()) && property.getAnyOf() != null
                && property.getAnyOf().stream().noneMatch(s -> s.getType() != null
                        && s.getType().contains(Schema.SchemaType.NULL))) {
            property.addAnyOf(nullType);
        }
        return property;
    }
}
