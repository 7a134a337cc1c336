package dev.gatehouse.apps.app;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Canvas's two kinds of developer key: a {@code marketplace} app any company may enable and install, a
 * {@code company} app only its owning company may install.
 */
public enum AppKind {
    marketplace, company;

    @JsonValue
    public String json() {
        return name();
    }
}
