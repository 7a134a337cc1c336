package dev.gatehouse.apps.installation;

import dev.gatehouse.apps.persistence.ProjectIdsConverter;
import dev.gatehouse.events.apps.InstallationState;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An app installed in a company. There is one per company and app for good: uninstalling keeps it (history, the
 * app user, the permitted projects) and installing again reuses it.
 */
@Entity
@Table(name = "installation")
public class Installation {

    @Id
    public UUID id;

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Column(name = "app_id", nullable = false)
    public UUID appId;

    @Column(name = "app_version", nullable = false, length = 100)
    public String appVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public InstallationStatus status;

    @Column(name = "status_reason", length = 500)
    public String statusReason;

    /** The company turned the app off (its binding): kept as it is, but nothing it grants works meanwhile. */
    @Column(nullable = false)
    public boolean suspended;

    @Column(name = "app_user_id", nullable = false)
    public UUID appUserId;

    @Column(nullable = false)
    public int revision;

    @Convert(converter = GrantConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public Grant grants;

    @Enumerated(EnumType.STRING)
    @Column(name = "project_access", nullable = false, length = 32)
    public ProjectAccess projectAccess;

    @Convert(converter = ProjectIdsConverter.class)
    @Column(name = "project_ids", nullable = false, columnDefinition = "text")
    public List<UUID> projectIds;

    @Column(name = "high_risk", nullable = false)
    public boolean highRisk;

    @Column(name = "installed_at", nullable = false)
    public Instant installedAt;

    @Column(name = "installed_by", nullable = false, columnDefinition = "text")
    public String installedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, columnDefinition = "text")
    public String updatedBy;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    /** Every change goes through here: the revision that events carry, and who changed it when. */
    public void touched(String actorId, Instant now) {
        revision++;
        updatedAt = now;
        updatedBy = actorId;
    }

    /**
     * What the installation's events say of it: its lifecycle status, or {@code suspended} while the company has the
     * app turned off and it is not uninstalled.
     */
    public String effectiveStatus() {
        return suspended && status != InstallationStatus.uninstalled ? InstallationState.SUSPENDED : status.name();
    }

    /** Follows the company's binding: off suspends, anything else lifts the suspension. Whether it changed. */
    public boolean followBinding(boolean appTurnedOff, String actorId, Instant now) {
        if (suspended == appTurnedOff || status == InstallationStatus.uninstalled) {
            return false;
        }
        suspended = appTurnedOff;
        touched(actorId, now);
        return true;
    }

    public void grant(Grant grant) {
        grants = grant;
        highRisk = grant.highRisk();
    }
}
