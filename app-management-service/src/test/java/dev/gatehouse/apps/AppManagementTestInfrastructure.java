package dev.gatehouse.apps;

import dev.gatehouse.testsupport.GatehouseServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against the shared embedded PostgreSQL (role "apps") and Kafka. */
@QuarkusTestResource(value = GatehouseServiceResource.class, initArgs = @ResourceArg(name = "role", value = "apps"))
public final class AppManagementTestInfrastructure {
    private AppManagementTestInfrastructure() {
    }
}
