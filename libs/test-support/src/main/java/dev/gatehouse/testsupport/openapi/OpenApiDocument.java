package dev.gatehouse.testsupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A service's OpenAPI 3.1 document, asked one question: does this exchange match what the document promises? The
 * checks are those a client generated from the document relies on: the status is listed, the media type is the
 * documented one, the body validates against the documented schema (JSON Schema 2020-12, which OpenAPI 3.1 schemas
 * are), a response documented without content has none, and a body declared required really is.
 */
public final class OpenApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final JsonNode document;
    private final List<PathTemplate> paths = new ArrayList<>();
    private final Map<JsonNode, JsonSchema> compiled = new ConcurrentHashMap<>();

    private OpenApiDocument(JsonNode document) {
        this.document = document;
        document.path("paths").fieldNames().forEachRemaining(p -> paths.add(new PathTemplate(p)));
    }

    public static OpenApiDocument parse(String json) {
        try {
            return new OpenApiDocument(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an OpenAPI JSON document", e);
        }
    }

    /** One HTTP exchange as a test saw it; {@code rawPath} without the query string. */
    public record Exchange(String method, String rawPath, boolean requestHadBody, int status, String contentType,
            String body) {
    }

    /**
     * What in the exchange the document does not promise; empty when it conforms, or when the path is not one the
     * document describes at all (operational endpoints, paths that do not exist).
     */
    public List<String> violations(Exchange exchange) {
        Optional<PathTemplate> template = match(exchange.rawPath());
        if (template.isEmpty()) {
            return List.of();
        }
        String where = exchange.method() + " " + template.get().template();
        JsonNode operation = document.path("paths").path(template.get().template())
                .path(exchange.method().toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            // an undocumented method: the only honest answer is a refusal (405, or 404 from no route)
            return exchange.status() == 405 || exchange.status() == 404 ? List.of()
                    : List.of(where + " is not in the document, yet answered " + exchange.status());
        }
        List<String> violations = new ArrayList<>();
        JsonNode requestBody = operation.path("requestBody");
        if (requestBody.path("required").asBoolean(false) && !exchange.requestHadBody() && exchange.status() < 300) {
            violations.add(where + " declares its request body required, yet answered " + exchange.status()
                    + " without one");
        }
        JsonNode responses = operation.path("responses");
        JsonNode response = responses.path(String.valueOf(exchange.status()));
        if (response.isMissingNode()) {
            response = responses.path(exchange.status() / 100 + "XX");
        }
        if (response.isMissingNode()) {
            response = responses.path("default");
        }
        if (response.isMissingNode()) {
            violations.add(where + " answered " + exchange.status() + ", which the document does not list (it lists "
                    + fieldNames(responses) + ")");
            return violations;
        }
        JsonNode content = response.path("content");
        boolean hasBody = exchange.body() != null && !exchange.body().isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            if (hasBody) {
                violations.add(where + " " + exchange.status() + " is documented without a body, yet has one");
            }
            return violations;
        }
        if (!hasBody) {
            violations.add(where + " " + exchange.status() + " is documented with a body (" + fieldNames(content)
                    + "), yet has none");
            return violations;
        }
        String mediaType = exchange.contentType() == null ? "" : exchange.contentType().split(";")[0].trim()
                .toLowerCase(Locale.ROOT);
        JsonNode media = content.path(mediaType);
        if (media.isMissingNode()) {
            violations.add(where + " " + exchange.status() + " answered with " + (mediaType.isEmpty() ? "no media type"
                    : mediaType) + "; the document says " + fieldNames(content));
            return violations;
        }
        JsonNode schema = media.path("schema");
        if (!schema.isMissingNode() && !schema.isEmpty() && isJson(mediaType)) {
            violations.addAll(validate(where + " " + exchange.status(), schema, exchange.body()));
        }
        return violations;
    }

    private List<String> validate(String where, JsonNode schema, String body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(where + " promises JSON, but the body does not parse: " + e.getMessage());
        }
        JsonSchema validator = compiled.computeIfAbsent(schema, this::compile);
        List<String> out = new ArrayList<>();
        for (ValidationMessage message : validator.validate(instance)) {
            out.add(where + " body does not match its schema: " + message.getMessage());
        }
        return out;
    }

    /** The operation's schema, with the document's components beside it so that its $refs resolve. */
    private JsonSchema compile(JsonNode schema) {
        ObjectNode root = schema.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.path("components"));
        return SCHEMAS.getSchema(root);
    }

    /** The most specific template matching the path: literal segments win over parameters. */
    private Optional<PathTemplate> match(String rawPath) {
        PathTemplate best = null;
        for (PathTemplate candidate : paths) {
            if (candidate.matches(rawPath) && (best == null || candidate.literals() > best.literals())) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** {@code /companies/{companyId}/users}: each {@code {name}} stands for exactly one non-empty segment. */
    private record PathTemplate(String template, String[] segments, int literals) {

        PathTemplate(String template) {
            this(template, split(template), (int) java.util.Arrays.stream(split(template))
                    .filter(s -> !s.startsWith("{")).count());
        }

        boolean matches(String rawPath) {
            String[] actual = split(rawPath);
            if (actual.length != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                boolean parameter = segments[i].startsWith("{") && segments[i].endsWith("}");
                if (parameter ? actual[i].isEmpty() : !segments[i].equals(actual[i])) {
                    return false;
                }
            }
            return true;
        }

        private static String[] split(String path) {
            String trimmed = path.startsWith("/") ? path.substring(1) : path;
            if (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
        }
    }
}
