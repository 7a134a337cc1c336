package dev.gatehouse.apps.version;

import com.fasterxml.jackson.annotation.JsonValue;

/** A draft may still change; a published version never does. */
public enum VersionStatus {
    draft, published;

    @JsonValue
    public String json() {
        return name();
    }
}
