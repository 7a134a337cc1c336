package dev.gatehouse.apps.installrequest;

import dev.gatehouse.apps.installation.ProjectAccess;
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

/** A member's request to install an app, and an admin's decision on it. */
@Entity
@Table(name = "install_request")
public class InstallRequest {

    @Id
    public UUID id;

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Column(name = "app_id", nullable = false)
    public UUID appId;

    /** The version asked for; null for "the latest when approved". */
    @Column(name = "app_version", length = 100)
    public String appVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "project_access", nullable = false, length = 32)
    public ProjectAccess projectAccess;

    @Convert(converter = ProjectIdsConverter.class)
    @Column(name = "project_ids", nullable = false, columnDefinition = "text")
    public List<UUID> projectIds;

    @Column(nullable = false, length = 2000)
    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public InstallRequestStatus status;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "requested_by", nullable = false, columnDefinition = "text")
    public String requestedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by", columnDefinition = "text")
    public String decidedBy;

    @Column(name = "decision_note", length = 2000)
    public String decisionNote;

    @Column(name = "installation_id")
    public UUID installationId;

    @Version
    public long version;
}
