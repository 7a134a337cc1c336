package dev.gatehouse.directory.membership;

import dev.gatehouse.directory.permissionset.PermissionSet;
import dev.gatehouse.directory.permissionset.PermissionSetConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A user's membership of a project, with the project-level tool permissions it gives. */
@Entity
@Table(name = "project_member")
@IdClass(ProjectMember.Key.class)
public class ProjectMember {

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Convert(converter = PermissionSetConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public PermissionSet permissions = PermissionSet.NONE;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Column(name = "added_by", nullable = false, columnDefinition = "text")
    public String addedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The composite primary key (project, user). */
    public static class Key implements Serializable {
        public UUID projectId;
        public UUID userId;

        public Key() {
        }

        public Key(UUID projectId, UUID userId) {
            this.projectId = projectId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(projectId, k.projectId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, userId);
        }
    }
}
