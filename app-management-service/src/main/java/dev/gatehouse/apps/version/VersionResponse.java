package dev.gatehouse.apps.version;

import dev.gatehouse.apps.manifest.Manifests;
import dev.gatehouse.events.apps.AppManifest;

import java.time.Instant;
import java.util.UUID;

/** An app version as the API shows it. */
public record VersionResponse(UUID appId, String version, VersionStatus status, AppManifest manifest,
        Instant createdAt, String createdBy, Instant updatedAt, Instant publishedAt, String publishedBy) {

    static VersionResponse of(AppVersion v) {
        return new VersionResponse(v.appId, v.version, v.status, Manifests.read(v.manifest), v.createdAt,
                v.createdBy, v.updatedAt, v.publishedAt, v.publishedBy);
    }
}
