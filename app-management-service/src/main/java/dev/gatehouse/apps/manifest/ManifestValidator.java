package dev.gatehouse.apps.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.apps.AppManifest;
import dev.gatehouse.web.problem.Problem;
import dev.gatehouse.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a manifest against {@link ManifestSchema} (networknt json-schema-validator) and reports every violation
 * at once, each pointing at its field as a dotted path ({@code manifest.companyPermissions.payroll}).
 */
@ApplicationScoped
public class ManifestValidator {

    private final JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(ManifestSchema.document(), SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_POINTER)
                    .build());

    /** The manifest as the published record, or a 400 problem listing what is wrong. */
    public AppManifest validate(JsonNode manifest) {
        if (manifest == null || manifest.isNull()) {
            throw ProblemException.invalid("manifest", "is required");
        }
        List<Problem.FieldError> errors = schema.validate(manifest).stream()
                .map(ManifestValidator::fieldError)
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .distinct()
                .toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        AppManifest parsed;
        try {
            parsed = EventJson.mapper().treeToValue(manifest, AppManifest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // The schema admits only what the record can hold; reaching this is a schema bug, not bad input.
            throw new IllegalStateException("a manifest the schema accepted does not map onto AppManifest", e);
        }
        requireJustifiedOnlyWhatIsAskedFor(parsed);
        return new AppManifest(sorted(parsed.companyPermissions()), sorted(parsed.projectPermissions()),
                parsed.scopes(), parsed.redirectUris() == null ? List.of() : parsed.redirectUris(),
                parsed.postInstallNotes(), parsed.enforceScopes(),
                parsed.justifications() == null ? null : sorted(parsed.justifications()));
    }

    /** A justification explains a tool permission or a scope the manifest asks for; any other is a mistake. */
    private static void requireJustifiedOnlyWhatIsAskedFor(AppManifest m) {
        if (m.justifications() == null) {
            return;
        }
        List<Problem.FieldError> errors = m.justifications().keySet().stream().sorted()
                .filter(key -> !m.companyPermissions().containsKey(key) && !m.projectPermissions().containsKey(key)
                        && !m.scopes().contains(key))
                .map(key -> new Problem.FieldError("manifest.justifications." + key, "explains a permission or "
                        + "scope this manifest does not ask for"))
                .toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : new TreeMap<>(map);
    }

    private static Problem.FieldError fieldError(ValidationMessage m) {
        String pointer = m.getInstanceLocation().toString();
        StringBuilder field = new StringBuilder("manifest");
        for (String segment : pointer.split("/")) {
            if (!segment.isEmpty()) {
                field.append('.').append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        if (m.getProperty() != null && ("additionalProperties".equals(m.getType())
                || "required".equals(m.getType()) || "propertyNames".equals(m.getType()))) {
            field.append('.').append(m.getProperty());
        }
        return new Problem.FieldError(field.toString(), message(m));
    }

    private static String message(ValidationMessage m) {
        return switch (m.getType()) {
            case "additionalProperties" -> "is not allowed here (see GET /manifest-schema)";
            case "required" -> "is required";
            case "propertyNames" -> "is not a tool or a scope (see GET /tools and GET /scopes on directory-service)";
            case "enum" -> m.getInstanceLocation().toString().startsWith("/scopes/")
                    ? "is not a scope of the catalogue (GET /scopes on directory-service)"
                    : "must be one of none, read_only, standard, admin";
            default -> m.getError() != null ? m.getError() : m.getMessage();
        };
    }
}
