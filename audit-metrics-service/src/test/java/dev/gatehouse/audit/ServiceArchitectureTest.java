package dev.gatehouse.audit;

import dev.gatehouse.testsupport.ServiceArchitecture;

class ServiceArchitectureTest extends ServiceArchitecture {

    /** V1 to V3 came before the rule, ahead of the first release (docs/operations.md, "Rolling upgrades"). */
    @Override
    protected int migrationsBeforeTheExpandContractRule() {
        return 3;
    }
}
