package dev.gatehouse.directory.user;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a user may act in the company. An inactive user keeps their history and has no permissions. */
public enum UserStatus {
    active, inactive;

    @JsonValue
    public String json() {
        return name();
    }
}
