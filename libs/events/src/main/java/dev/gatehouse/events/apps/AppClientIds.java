package dev.gatehouse.events.apps;

import java.util.UUID;

/**
 * An app's OAuth client id, part of the published language: app-management names the client so in
 * {@code AppRegistered}, and consumers find an app's client from its app id in the app's later events.
 */
public final class AppClientIds {

    public static final String PREFIX = "app_";

    private AppClientIds() {
    }

    public static String of(UUID appId) {
        return PREFIX + appId.toString().replace("-", "");
    }
}
