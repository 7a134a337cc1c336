package dev.gatehouse.web.openapi;

import dev.gatehouse.web.problem.OAuthEndpoints;
import dev.gatehouse.web.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The errors every operation can answer, and their bodies: RFC 9457 problem details on our APIs, RFC 6749 §5.2
 * error objects on the OAuth endpoints. A resource documents its own errors with just a status and a description
 * ({@code @APIResponse(responseCode = "409", description = "...")}); the body is filled in here.
 */
final class ErrorResponses {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String OAUTH_ERROR = "OAuthError";
    static final Set<String> SCHEMAS = Set.of(PROBLEM, FIELD_ERROR, OAUTH_ERROR);
    /** What SmallRye writes when it adds an error response by itself. */
    private static final Set<String> GENERATED = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    private ErrorResponses() {
    }

    static void describe(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(FIELD_ERROR, fieldError()).addSchema(PROBLEM, problem())
                .addSchema(OAUTH_ERROR, oauthError());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean oauth = OAuthEndpoints.serve(path.getKey());
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                addShared(entry.getKey(), operation, parameters(path.getValue(), operation), oauth);
                fillBodies(operation.getResponses(), oauth);
            }
        }
    }

    private static void addShared(PathItem.HttpMethod method, Operation operation, List<Parameter> parameters,
            boolean oauth) {
        APIResponses responses = operation.getResponses();
        if (oauth) {
            // RFC 6749 §5.2: every OAuth endpoint answers a malformed request with invalid_request
            add(responses, "400", "invalid_request: a malformed request");
            return;
        }
        // NoNulInUrl refuses a NUL anywhere in the URL, so every operation can answer 400
        describeGeneric(responses, "400", operation.getRequestBody() != null
                ? "The body is not valid JSON or a field breaks its rule, or a parameter does not convert (each "
                        + "named in `errors`)"
                : "A parameter does not convert or is out of range (named in `errors`), or the URL holds a NUL");
        // RequestBodyMediaType refuses any body that is not JSON, also on operations that take none
        if (operation.getRequestBody() != null || method == PathItem.HttpMethod.POST
                || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
            add(responses, "415", "A body was sent that is not application/json");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            add(responses, "404", "Nothing by that id, or nothing the caller may see");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            describeGeneric(responses, "401", "No bearer token, or one that is invalid, expired or revoked "
                    + "(`WWW-Authenticate` says which)");
            describeGeneric(responses, "403", "The caller's token does not allow this");
        }
    }

    /** Replaces the generator's one-word descriptions ("Not Authorized") with ones a client can act on. */
    private static void describeGeneric(APIResponses responses, String status, String description) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            add(responses, status, description);
        } else if (response.getDescription() == null || GENERATED.contains(response.getDescription())) {
            response.setDescription(description);
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void fillBodies(APIResponses responses, boolean oauth) {
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            boolean error = entry.getKey().startsWith("4") || entry.getKey().startsWith("5");
            if (!error || response.getRef() != null
                    || (response.getContent() != null && response.getContent().getMediaTypes() != null
                    && !response.getContent().getMediaTypes().isEmpty())) {
                continue;
            }
            Content content = OASFactory.createContent();
            if (oauth) {
                content.addMediaType("application/json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(OAUTH_ERROR)));
            } else {
                content.addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM)));
            }
            response.setContent(content);
        }
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        List<Parameter> all = new ArrayList<>();
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        return all;
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static Schema problem() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json)")
                .addProperty("type", string("A URI naming the kind of problem; about:blank when the status says "
                        + "all").format("uri-reference"))
                .addProperty("title", string("Short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("The HTTP status code"))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("One entry per invalid field or parameter")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR)))
                .addRequired("title").addRequired("status");
    }

    private static Schema fieldError() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("The field's path (`name`, `manifest.scopes`) or the parameter"))
                .addProperty("message", string("What is wrong with it"))
                .addRequired("field").addRequired("message");
    }

    private static Schema oauthError() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 6749 §5.2 error response")
                .addProperty("error", string("invalid_request, invalid_client, invalid_grant, unauthorized_client, "
                        + "unsupported_grant_type, invalid_scope, invalid_target, unsupported_token_type, "
                        + "slow_down"))
                .addProperty("error_description", string("Human-readable detail"))
                .addProperty("error_uri", string("A page about the error").format("uri"))
                .addRequired("error");
    }
}
