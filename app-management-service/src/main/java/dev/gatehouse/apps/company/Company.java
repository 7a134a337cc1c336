package dev.gatehouse.apps.company;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A company as app-management knows it from the directory's events, plus its app settings. */
@Entity
@Table(name = "company")
public class Company {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "forbid_high_risk", nullable = false)
    public boolean forbidHighRisk;

    @Column(name = "settings_updated_at")
    public Instant settingsUpdatedAt;

    @Column(name = "settings_updated_by", columnDefinition = "text")
    public String settingsUpdatedBy;

    @Version
    public long version;
}
