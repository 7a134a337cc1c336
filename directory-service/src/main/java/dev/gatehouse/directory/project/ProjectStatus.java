package dev.gatehouse.directory.project;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a project takes changes. Stored and shown in lower case. */
public enum ProjectStatus {
    active, archived;

    @JsonValue
    public String json() {
        return name();
    }
}
