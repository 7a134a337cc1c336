package dev.gatehouse.token.installation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** token-service's copy of one installation: enough to issue and judge its tokens. */
@Entity
@Table(name = "app_installation")
public class AppInstallation {

    @Id
    @Column(name = "installation_id")
    public UUID installationId;

    @Column(name = "client_id", nullable = false, columnDefinition = "text")
    public String clientId;

    @Column(name = "company_id", nullable = false)
    public UUID companyId;

    @Column(name = "app_user_id", nullable = false)
    public UUID appUserId;

    @Column(nullable = false, columnDefinition = "text")
    public String status;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false, columnDefinition = "text")
    public String state;

    @Column(name = "tokens_valid_after", nullable = false)
    public Instant tokensValidAfter;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
