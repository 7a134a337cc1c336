package dev.gatehouse.apps;

import dev.gatehouse.testsupport.RevokedTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RevokedTokenTest extends RevokedTokens {

    @Override
    protected String platformAdminReadablePath() {
        return "/developer-orgs";
    }
}
