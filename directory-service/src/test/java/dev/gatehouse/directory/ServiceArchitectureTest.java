package dev.gatehouse.directory;

import dev.gatehouse.testsupport.ServiceArchitecture;

class ServiceArchitectureTest extends ServiceArchitecture {
}
