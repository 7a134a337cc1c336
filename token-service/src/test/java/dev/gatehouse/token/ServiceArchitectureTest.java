package dev.gatehouse.token;

import dev.gatehouse.testsupport.ServiceArchitecture;

class ServiceArchitectureTest extends ServiceArchitecture {
}
