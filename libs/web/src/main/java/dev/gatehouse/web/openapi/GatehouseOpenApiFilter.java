package dev.gatehouse.web.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Makes each service's generated OpenAPI document say what the service does in the ways every operation shares, so
 * the resources only annotate what is theirs (their success status, their 404 and 409). Registered in each service
 * with {@code mp.openapi.filter}; {@code OpenApiConformanceFilter} in test-support holds every test's answers to the
 * result.
 */
public class GatehouseOpenApiFilter implements OASFilter {

    /** Said once for the whole document rather than on every operation: they are the HTTP layer's, not its. */
    static final String LIMITS = "Any operation may also answer, with the same error bodies: 413 for a body over "
            + "10 MiB, 414 for a URI over 4096 characters and 431 for headers over 20 KiB (the defaults of "
            + "quarkus.http.limits.max-body-size, gatehouse.http.max-uri-length and gatehouse.http.max-header-size), "
            + "and 400 for a URI that is not RFC 3986.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo() != null) {
            String about = openAPI.getInfo().getDescription();
            openAPI.getInfo().setDescription(about == null ? LIMITS : about + "\n\n" + LIMITS);
        }
        SecuritySchemes.describe(openAPI);
        ErrorResponses.describe(openAPI);
        NullableProperties.mark(openAPI);
        EmptyBodies.apply(openAPI);
    }
}
