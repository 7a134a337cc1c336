package dev.gatehouse.apps;

import dev.gatehouse.testsupport.PackageCycles;

class PackageCyclesTest extends PackageCycles {
}
