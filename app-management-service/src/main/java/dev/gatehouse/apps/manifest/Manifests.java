package dev.gatehouse.apps.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.apps.AppManifest;

import java.io.UncheckedIOException;

/** Stored form of a validated manifest: its JSON text, in the events' mapping. */
public final class Manifests {

    private Manifests() {
    }

    public static String write(AppManifest manifest) {
        try {
            return EventJson.mapper().writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AppManifest read(String json) {
        try {
            return EventJson.mapper().readValue(json, AppManifest.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
