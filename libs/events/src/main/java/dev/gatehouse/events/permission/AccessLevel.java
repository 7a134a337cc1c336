package dev.gatehouse.events.permission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How much a user may do in a tool, in order: {@code none < read_only < standard < admin} (Procore's levels).
 * Part of the published language: manifests, directory permissions, events and token claims all use these names.
 */
public enum AccessLevel {
    NONE, READ_ONLY, STANDARD, ADMIN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level with this wire name, if there is one. */
    public static Optional<AccessLevel> byWireName(String name) {
        return Arrays.stream(values()).filter(l -> l.wireName().equals(name)).findFirst();
    }

    @JsonCreator
    static AccessLevel fromJson(String name) {
        return byWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown access level " + name));
    }

    public boolean atLeast(AccessLevel other) {
        return compareTo(other) >= 0;
    }
}
