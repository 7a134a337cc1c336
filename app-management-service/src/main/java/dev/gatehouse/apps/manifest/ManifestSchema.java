package dev.gatehouse.apps.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.ScopeCatalogue;
import dev.gatehouse.events.permission.Tool;

import java.util.Arrays;

/**
 * The JSON Schema (draft 2020-12) every app manifest must satisfy, built from the tool and scope catalogues so that
 * a tool, level or scope added there is accepted here at once. Served at {@code GET /manifest-schema}; developers
 * can point their editors at it.
 */
public final class ManifestSchema {

    public static final String ID = "https://gatehouse.dev/schemas/app-manifest.json";
    private static final ObjectNode SCHEMA = build();

    private ManifestSchema() {
    }

    /** A copy: callers may not change the one the validator uses. */
    public static ObjectNode document() {
        return SCHEMA.deepCopy();
    }

    private static ObjectNode build() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode schema = json.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", ID);
        schema.put("title", "Gatehouse app manifest");
        schema.put("description", "What an app version asks of every company that installs it.");
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        schema.putArray("required").add("companyPermissions").add("projectPermissions").add("scopes");
        ObjectNode properties = schema.putObject("properties");
        properties.set("companyPermissions", permissions(json, false,
                "Company-level tool permissions of the app user, tool name to level"));
        properties.set("projectPermissions", permissions(json, true,
                "Tool permissions on each project the admin permits; project-level tools only"));
        ObjectNode scopes = properties.putObject("scopes");
        scopes.put("description", "OAuth scopes the app's tokens may carry, from the scope catalogue (GET /scopes on "
                + "directory-service): each allows one tool at one level, at most; the app user's permissions still "
                + "apply");
        scopes.put("type", "array");
        scopes.put("uniqueItems", true);
        ArrayNode catalogue = scopes.putObject("items").put("type", "string").putArray("enum");
        ScopeCatalogue.names().forEach(catalogue::add);
        properties.putObject("enforceScopes").put("type", "boolean").put("default", true).put("description",
                "Canvas's \"enforce scopes\": true (the default), the app's tokens carry only its scopes; false, the "
                + "legacy behaviour, every scope of the catalogue, so only the app user's permissions limit them. "
                + "Admins see which apps run unscoped, and a version that stops enforcing needs their approval.");
        ObjectNode justifications = properties.putObject("justifications");
        justifications.put("description", "Why the app needs each tool permission or scope it asks for, keyed by the "
                + "tool or scope name; shown to admins before they install and to people asked for consent");
        justifications.put("type", "object");
        ArrayNode explainable = justifications.putObject("propertyNames").putArray("enum");
        Tool.all().forEach(t -> explainable.add(t.wireName()));
        ScopeCatalogue.names().forEach(explainable::add);
        justifications.putObject("additionalProperties").put("type", "string").put("minLength", 1)
                .put("maxLength", 500);
        ObjectNode redirects = properties.putObject("redirectUris");
        redirects.put("description", "The app's OAuth 2.0 redirect URIs, for acting for people who authorize it "
                + "(authorization code flow; https, or http on localhost)");
        redirects.put("type", "array");
        redirects.put("uniqueItems", true);
        redirects.put("maxItems", 10);
        redirects.putObject("items").put("type", "string").put("format", "uri").put("maxLength", 2000)
                .put("pattern", "^(https://|http://localhost(:[0-9]+)?(/|$)|http://127\\.0\\.0\\.1(:[0-9]+)?(/|$))");
        properties.putObject("postInstallNotes").put("description", "Shown to the admin after installing")
                .put("type", "string").put("maxLength", 4000);
        return schema;
    }

    private static ObjectNode permissions(JsonNodeFactory json, boolean projectLevel, String description) {
        ObjectNode node = json.objectNode();
        node.put("description", description);
        node.put("type", "object");
        node.put("additionalProperties", false);
        ArrayNode levels = json.arrayNode();
        Arrays.stream(AccessLevel.values()).forEach(l -> levels.add(l.wireName()));
        ObjectNode tools = node.putObject("properties");
        for (Tool tool : Tool.all()) {
            if (!projectLevel || tool.projectLevel()) {
                tools.putObject(tool.wireName()).put("description", tool.title()).set("enum", levels.deepCopy());
            }
        }
        return node;
    }
}
