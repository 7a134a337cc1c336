package dev.gatehouse.apps;

import dev.gatehouse.testsupport.ServiceArchitecture;

class ServiceArchitectureTest extends ServiceArchitecture {
}
