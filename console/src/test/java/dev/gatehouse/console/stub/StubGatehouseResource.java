package dev.gatehouse.console.stub;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts {@link StubGatehouse} before the console and points the console at it: quarkus-oidc discovers it as the
 * issuer, and the four services' base URLs are its paths. Tests get it in a field marked {@link InjectGatehouse}.
 */
public class StubGatehouseResource implements QuarkusTestResourceLifecycleManager {

    private StubGatehouse gatehouse;

    @Override
    public Map<String, String> start() {
        gatehouse = new StubGatehouse();
        gatehouse.start();
        String base = gatehouse.issuer();
        return Map.of(
                "gatehouse.console.issuer", base,
                "gatehouse.console.client-id", StubGatehouse.CLIENT_ID,
                "gatehouse.console.client-secret", StubGatehouse.CLIENT_SECRET,
                "gatehouse.console.services.directory", base + "/directory",
                "gatehouse.console.services.apps", base + "/apps",
                "gatehouse.console.services.token", base,
                "gatehouse.console.services.audit", base + "/audit",
                "gatehouse.console.api-timeout", "3s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(gatehouse,
                new TestInjector.AnnotatedAndMatchesType(InjectGatehouse.class, StubGatehouse.class));
    }

    @Override
    public void stop() {
        if (gatehouse != null) {
            gatehouse.stop();
        }
    }
}
