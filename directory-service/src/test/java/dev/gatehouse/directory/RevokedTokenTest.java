package dev.gatehouse.directory;

import dev.gatehouse.testsupport.RevokedTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RevokedTokenTest extends RevokedTokens {

    @Override
    protected String platformAdminReadablePath() {
        return "/companies";
    }
}
