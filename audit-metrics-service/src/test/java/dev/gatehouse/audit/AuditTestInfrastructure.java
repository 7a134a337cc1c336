package dev.gatehouse.audit;

import dev.gatehouse.testsupport.GatehouseServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against the shared embedded PostgreSQL (role "audit") and Kafka. */
@QuarkusTestResource(value = GatehouseServiceResource.class, initArgs = @ResourceArg(name = "role", value = "audit"))
public final class AuditTestInfrastructure {
    private AuditTestInfrastructure() {
    }
}
