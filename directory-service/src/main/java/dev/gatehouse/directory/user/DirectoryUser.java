package dev.gatehouse.directory.user;

import dev.gatehouse.directory.permissionset.PermissionSet;
import dev.gatehouse.directory.permissionset.PermissionSetConverter;
import dev.gatehouse.events.directory.CompanyRoleChanged;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.Tool;
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
 * A user of a company's directory: a person, the app user (DMSA user) of an installation, or the user of a legacy
 * service account. App and legacy users are managed: created and changed only by their installation's or
 * account's events (app-management-service); the directory API refuses to edit them.
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

    @Column(name = "legacy_account_id")
    public UUID legacyAccountId;

    @Column(name = "legacy_status", length = 16)
    public String legacyStatus;

    @Column(name = "legacy_revision")
    public Integer legacyRevision;

    /** The company service account (token-service client id) managing this user; null for others. */
    @Column(name = "service_client_id", columnDefinition = "text")
    public String serviceClientId;

    @Column(name = "service_status", length = 16)
    public String serviceStatus;

    @Column(name = "service_revision")
    public Integer serviceRevision;

    /** The token-service account of the person, once they took their invitation; null until then. */
    @Column(name = "account_id")
    public UUID accountId;

    /** When the newest invitation was asked for; null for users never invited. */
    @Column(name = "invited_at")
    public Instant invitedAt;

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

    public boolean isLegacy() {
        return kind == UserKind.legacy;
    }

    public boolean isServiceAccount() {
        return kind == UserKind.service_account;
    }

    /**
     * Whether another service manages this user: app-management (an installation's or a legacy service account's)
     * or token-service (a company service account's).
     */
    public boolean isManaged() {
        return isApp() || isLegacy() || isServiceAccount();
    }

    /**
     * The installation or legacy service account managing this user; for a service account's user its own id (the
     * account is known by its client id, {@link #serviceClientId}); null for people.
     */
    public UUID managerId() {
        return isApp() ? installationId : isServiceAccount() ? id : legacyAccountId;
    }

    /** The status of the installation or account managing this user, as its newest applied event said. */
    public String managerStatus() {
        return isApp() ? installationStatus : isServiceAccount() ? serviceStatus : legacyStatus;
    }

    /** The newest revision of its manager applied to this user, or null. */
    public Integer managedRevision() {
        return isApp() ? installationRevision : isServiceAccount() ? serviceRevision : legacyRevision;
    }

    /** Records the manager's status and revision that this user now reflects. */
    public void managedAt(String status, int revision) {
        if (isApp()) {
            installationStatus = status;
            installationRevision = revision;
        } else if (isServiceAccount()) {
            serviceStatus = status;
            serviceRevision = revision;
        } else {
            legacyStatus = status;
            legacyRevision = revision;
        }
    }

    public boolean isActive() {
        return status == UserStatus.active;
    }

    public boolean isPerson() {
        return kind == UserKind.person;
    }

    /**
     * The role this user gives their account in the company (docs/security.md, "People in companies"): admin on
     * the company-level Directory tool makes a company admin, any other active person a member; an inactive or
     * not yet linked person, and every app or legacy user, gives none.
     */
    public String companyRole() {
        if (!isPerson() || accountId == null || !isActive()) {
            return CompanyRoleChanged.NONE;
        }
        return permissions.level(Tool.DIRECTORY) == AccessLevel.ADMIN ? CompanyRoleChanged.ADMIN
                : CompanyRoleChanged.MEMBER;
    }

    /** Links the person to the account that took their invitation. */
    public void linkTo(UUID account, Instant now) {
        accountId = account;
        updatedAt = now;
    }
}
