package dev.gatehouse.apps.developerorg;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A developer organization: owns apps and holds their credentials (through token-service). */
@Entity
@Table(name = "developer_org")
public class DeveloperOrg {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, columnDefinition = "text")
    public String createdBy;

    @Version
    public long version;
}
