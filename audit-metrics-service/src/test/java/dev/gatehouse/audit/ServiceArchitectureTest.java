package dev.gatehouse.audit;

import dev.gatehouse.testsupport.ServiceArchitecture;

class ServiceArchitectureTest extends ServiceArchitecture {
}
