package dev.gatehouse.directory;

import dev.gatehouse.testsupport.GatehouseServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against the shared embedded PostgreSQL (role "directory") and Kafka. */
@QuarkusTestResource(value = GatehouseServiceResource.class, initArgs = @ResourceArg(name = "role", value = "directory"))
public final class DirectoryTestInfrastructure {
    private DirectoryTestInfrastructure() {
    }
}
