package dev.gatehouse.token;

import dev.gatehouse.testsupport.PackageCycles;

class PackageCyclesTest extends PackageCycles {
}
