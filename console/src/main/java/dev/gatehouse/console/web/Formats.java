package dev.gatehouse.console.web;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** How templates show the APIs' values: {@code {show:when(sa.createdAt)}} for an instant, in UTC, to the minute. */
@TemplateExtension(namespace = "show")
public final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** An RFC 3339 instant from an API as {@code 2026-12-01 06:40 UTC}; "never" when there is none. */
    static String when(Object value) {
        if (value == null) {
            return "never";
        }
        try {
            return WHEN.format(Instant.parse(value.toString()));
        } catch (DateTimeParseException e) {
            return value.toString();
        }
    }
}
