package dev.gatehouse.web.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * A response that has no body although its operation produces JSON (RFC 7009 §2.2: a revocation's 200): the
 * generator gives every response of the operation a JSON body, so such a response says
 * {@code extensions = @Extension(name = EmptyBodies.EXTENSION, value = "true")} and loses its content here.
 */
public final class EmptyBodies {

    public static final String EXTENSION = "x-empty-body";

    private EmptyBodies() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() == null) {
                    continue;
                }
                for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                    if (response.getExtensions() != null && response.getExtensions().containsKey(EXTENSION)) {
                        response.setContent(null);
                        response.removeExtension(EXTENSION);
                    }
                }
            }
        }
    }
}
