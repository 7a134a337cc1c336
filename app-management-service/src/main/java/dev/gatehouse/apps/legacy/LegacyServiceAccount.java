package dev.gatehouse.apps.legacy;

import dev.gatehouse.apps.installation.Grant;
import dev.gatehouse.apps.installation.GrantConverter;
import dev.gatehouse.apps.persistence.ProjectIdsConverter;
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
 * A legacy (traditional) service account: the seed's deprecated model, kept so companies can move off it. The
 * admin sets its permissions and projects by hand; directory-service makes its user and token-service its client
 * from this aggregate's events. Migrating moves it onto an app installation.
 */
@Entity
@Table(name = "legacy_service_account")
public class LegacyServiceAccount {

    @Id
    public UUID id;

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Column(nullable = false, length = 150)
    public String name;

    @Column(length = 1000)
    public String description;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "client_id", nullable = false, columnDefinition = "text")
    public String clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public LegacyAccountStatus status;

    @Column(nullable = false)
    public int revision;

    /** Company and project tool permissions; never scopes (those belong to its client in token-service). */
    @Convert(converter = GrantConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public Grant grants;

    @Convert(converter = ProjectIdsConverter.class)
    @Column(name = "project_ids", nullable = false, columnDefinition = "text")
    public List<UUID> projectIds;

    @Column(name = "high_risk", nullable = false)
    public boolean highRisk;

    @Column(name = "installation_id")
    public UUID installationId;

    @Column(name = "migrated_app_id")
    public UUID migratedAppId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, columnDefinition = "text")
    public String createdBy;

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

    public void grant(Grant grant) {
        grants = grant;
        highRisk = grant.highRisk();
    }
}
