package dev.gatehouse.testsupport.openapi;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts {@link OpenApiConformanceFilter} in front of rest-assured before each {@code @QuarkusTest} method (found
 * through {@code META-INF/services}), so no test can forget it.
 */
public class OpenApiConformanceCallback implements QuarkusTestBeforeEachCallback {

    private static final OpenApiConformanceFilter FILTER = new OpenApiConformanceFilter();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }
}
