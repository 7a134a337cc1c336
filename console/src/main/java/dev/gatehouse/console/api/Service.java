package dev.gatehouse.console.api;

import dev.gatehouse.console.ConsoleConfig;

/** The four services whose APIs the console calls; each decides what the person may do there. */
public enum Service {
    DIRECTORY("directory-service"), APPS("app-management-service"), TOKEN("token-service"),
    AUDIT("audit-metrics-service");

    private final String displayName;

    Service(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    String baseUrl(ConsoleConfig.Services services) {
        return switch (this) {
            case DIRECTORY -> services.directory();
            case APPS -> services.apps();
            case TOKEN -> services.token();
            case AUDIT -> services.audit();
        };
    }
}
