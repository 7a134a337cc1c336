package dev.gatehouse.directory.user;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A person, an installation's app user (DMSA user), or a legacy (traditional, deprecated) service account's user.
 * Stored and shown in lower case.
 */
public enum UserKind {
    person, app, legacy;

    @JsonValue
    public String json() {
        return name();
    }
}
