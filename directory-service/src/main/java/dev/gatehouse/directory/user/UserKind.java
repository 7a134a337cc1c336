package dev.gatehouse.directory.user;

import com.fasterxml.jackson.annotation.JsonValue;

/** A person, or an installation's app user (DMSA user). Stored and shown in lower case. */
public enum UserKind {
    person, app;

    @JsonValue
    public String json() {
        return name();
    }
}
