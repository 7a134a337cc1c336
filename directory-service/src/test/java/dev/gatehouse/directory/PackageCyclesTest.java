package dev.gatehouse.directory;

import dev.gatehouse.testsupport.PackageCycles;

class PackageCyclesTest extends PackageCycles {
}
