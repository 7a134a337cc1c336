package dev.gatehouse.apps.upgrade;

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

/** A newer version waiting for an admin, with the exact difference it makes. At most one pending per installation. */
@Entity
@Table(name = "upgrade_request")
public class UpgradeRequest {

    @Id
    public UUID id;

    @Column(name = "installation_id", nullable = false)
    public UUID installationId;

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Column(name = "app_id", nullable = false)
    public UUID appId;

    @Column(name = "from_version", nullable = false, length = 100)
    public String fromVersion;

    @Column(name = "to_version", nullable = false, length = 100)
    public String toVersion;

    @Convert(converter = GrantDiffConverter.class)
    @Column(nullable = false, columnDefinition = "text")
    public GrantDiff diff;

    @Column(name = "high_risk", nullable = false)
    public boolean highRisk;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public UpgradeStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by", columnDefinition = "text")
    public String decidedBy;

    @Version
    public long version;
}
