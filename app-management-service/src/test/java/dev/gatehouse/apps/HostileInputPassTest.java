package dev.gatehouse.apps;

import dev.gatehouse.testsupport.HostileInputPass;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HostileInputPassTest extends HostileInputPass {
}
