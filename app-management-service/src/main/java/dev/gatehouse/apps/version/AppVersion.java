package dev.gatehouse.apps.version;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One semantic version of an app and its manifest: a draft until published, then never changed. */
@Entity
@Table(name = "app_version")
@IdClass(AppVersion.Key.class)
public class AppVersion {

    @Id
    @Column(name = "app_id")
    public UUID appId;

    @Id
    @Column(length = 100)
    public String version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public VersionStatus status;

    /** The validated manifest as JSON ({@code AppManifest}). */
    @Column(nullable = false, columnDefinition = "text")
    public String manifest;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, columnDefinition = "text")
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by", columnDefinition = "text")
    public String publishedBy;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    /** The composite primary key (app, version). */
    public static class Key implements Serializable {
        public UUID appId;
        public String version;

        public Key() {
        }

        public Key(UUID appId, String version) {
            this.appId = appId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(appId, k.appId) && Objects.equals(version, k.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(appId, version);
        }
    }
}
