package dev.gatehouse.apps.app;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An app of a developer organization, with one OAuth client for every company that installs it. */
@Entity
@Table(name = "app")
public class App {

    @Id
    public UUID id;

    @Column(name = "developer_org_id", nullable = false)
    public UUID developerOrgId;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 2000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public AppKind kind;

    @Column(name = "owning_company_id")
    public UUID owningCompanyId;

    @Column(name = "client_id", nullable = false, length = 100)
    public String clientId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, columnDefinition = "text")
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The app's OAuth client id: derived from the app id, so it is known before token-service has created it. */
    public static String clientIdFor(UUID appId) {
        return dev.gatehouse.events.apps.AppClientIds.of(appId);
    }
}
