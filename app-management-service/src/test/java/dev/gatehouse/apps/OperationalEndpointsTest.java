package dev.gatehouse.apps;

import dev.gatehouse.testsupport.OperationalEndpoints;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationalEndpointsTest extends OperationalEndpoints {
}
