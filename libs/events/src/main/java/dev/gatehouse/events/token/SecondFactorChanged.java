package dev.gatehouse.events.token;

import java.util.UUID;

/** A person turned their second factor (an authenticator app, TOTP) on or off. Never carries its secret. */
public record SecondFactorChanged(UUID accountId, String change) {

    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";
}
