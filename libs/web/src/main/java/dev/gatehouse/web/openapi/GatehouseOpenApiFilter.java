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

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ErrorResponses.describe(openAPI);
        NullableProperties.mark(openAPI);
        EmptyBodies.apply(openAPI);
    }
}
