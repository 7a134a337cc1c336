package dev.gatehouse.events;

import java.util.Objects;

/**
 * Who caused an event: a human user, an OAuth client (service account or app), or a service acting on its own.
 *
 * @param type {@code user}, {@code client} or {@code system}
 * @param id   the user's subject, the client's id, or the service's name
 */
public record Actor(String type, String id) {

    public static final String USER = "user";
    public static final String CLIENT = "client";
    public static final String SYSTEM = "system";

    public Actor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static Actor system(String service) {
        return new Actor(SYSTEM, service);
    }
}
