package dev.gatehouse.audit;

import dev.gatehouse.testsupport.PackageCycles;

class PackageCyclesTest extends PackageCycles {
}
