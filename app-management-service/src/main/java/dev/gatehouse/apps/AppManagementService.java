package dev.gatehouse.apps;

/** Names this service uses for itself in events. */
public final class AppManagementService {

    public static final String NAME = "app-management-service";

    private AppManagementService() {
    }
}
