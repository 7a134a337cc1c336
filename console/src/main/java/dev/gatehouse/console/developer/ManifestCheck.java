package dev.gatehouse.console.developer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.gatehouse.console.api.Api;
import dev.gatehouse.console.api.Service;
import dev.gatehouse.console.session.Context;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The manifest editor's check as the developer types: the draft against the JSON Schema app-management-service
 * publishes at {@code /manifest-schema} (networknt json-schema-validator, draft 2020-12), which it publishes for
 * editors to do exactly this. It only helps: the service checks the manifest again when the version is saved, and
 * its field errors are what the page shows then.
 */
@ApplicationScoped
public class ManifestCheck {

    /** One thing wrong with the draft: where (a JSON pointer, or "JSON" for a syntax error) and what. */
    public record Finding(String where, String message) {
    }

    private final ObjectMapper json;
    private final AtomicReference<JsonSchema> schema = new AtomicReference<>();

    public ManifestCheck(ObjectMapper json) {
        this.json = json;
    }

    public List<Finding> check(String draft, Api api) {
        JsonNode manifest;
        try {
            manifest = json.readTree(draft == null ? "" : draft);
        } catch (JsonProcessingException e) {
            return List.of(new Finding("JSON", "is not valid JSON: " + e.getOriginalMessage()));
        }
        if (manifest == null || manifest.isMissingNode()) {
            return List.of(new Finding("JSON", "is empty"));
        }
        return schema(api).validate(manifest).stream()
                .map(m -> new Finding(m.getInstanceLocation().toString().isEmpty() ? "/"
                        : m.getInstanceLocation().toString(), m.getMessage()))
                .distinct().toList();
    }

    /** The published schema, fetched once per console run (it changes only with app-management's releases). */
    private JsonSchema schema(Api api) {
        JsonSchema known = schema.get();
        if (known != null) {
            return known;
        }
        JsonNode document = json.valueToTree(api.get(Service.APPS, Context.NONE, "/manifest-schema"));
        JsonSchema loaded = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document,
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_POINTER)
                        .build());
        schema.compareAndSet(null, loaded);
        return loaded;
    }
}
