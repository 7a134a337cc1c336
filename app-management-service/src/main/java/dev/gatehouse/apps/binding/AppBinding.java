package dev.gatehouse.apps.binding;

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

/** A company's on/off/allow choice for one marketplace app; no row means {@code off}. */
@Entity
@Table(name = "app_binding")
@IdClass(AppBinding.Key.class)
public class AppBinding {

    @Id
    @Column(name = "company_id")
    public UUID companyId;

    @Id
    @Column(name = "app_id")
    public UUID appId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public BindingState state;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, columnDefinition = "text")
    public String updatedBy;

    @Version
    public long version;

    public static class Key implements Serializable {
        public UUID companyId;
        public UUID appId;

        public Key() {
        }

        public Key(UUID companyId, UUID appId) {
            this.companyId = companyId;
            this.appId = appId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(companyId, k.companyId) && Objects.equals(appId, k.appId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(companyId, appId);
        }
    }
}
