package dev.gatehouse.token;

import dev.gatehouse.testsupport.GatehouseServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against the shared embedded PostgreSQL (role "token") and Kafka. */
@QuarkusTestResource(value = GatehouseServiceResource.class, initArgs = @ResourceArg(name = "role", value = "token"))
@QuarkusTestResource(TokenKeysResource.class)
public final class TokenTestInfrastructure {
    private TokenTestInfrastructure() {
    }
}
