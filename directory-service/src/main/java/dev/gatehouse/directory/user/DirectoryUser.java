package dev.gatehouse.directory.user;

import dev.gatehouse.directory.permission.PermissionSet;
import dev.gatehouse.directory.permission.PermissionSetConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A user of a company's directory: a person, or the app user (DMSA user) of an installation. App users are
 * created and changed only by their installation's events; the directory API refuses to edit them.
 */
@Entity
@Table(name = "directory_user")
public class DirectoryUser {

    @Id
    public UUID id;

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public UserKind kind;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 320)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public UserStatus status;

    /** Company-level tool permissions. */
    @Convert(converter = PermissionSetConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public PermissionSet permissions = PermissionSet.NONE;

    @Column(name = "app_id")
    public UUID appId;

    @Column(name = "installation_id")
    public UUID installationId;

    @Column(name = "installation_status", length = 16)
    public String installationStatus;

    @Column(name = "installation_revision")
    public Integer installationRevision;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, columnDefinition = "text")
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    /** Optimistic lock: concurrent changes to one user serialize, which keeps their events in commit order. */
    @Version
    public long version;

    public boolean isApp() {
        return kind == UserKind.app;
    }

    public boolean isActive() {
        return status == UserStatus.active;
    }
}
