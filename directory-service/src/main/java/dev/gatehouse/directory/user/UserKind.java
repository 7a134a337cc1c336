package dev.gatehouse.directory.user;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A person, an installation's app user (DMSA user), a legacy (traditional, deprecated) service account's user, or a
 * company service account's user (token-service's service accounts). Stored and shown in lower case.
 */
public enum UserKind {
    person, app, legacy, service_account;

    @JsonValue
    public String json() {
        return name();
    }
}
