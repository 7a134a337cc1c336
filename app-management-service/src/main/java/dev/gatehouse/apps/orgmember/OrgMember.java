package dev.gatehouse.apps.orgmember;

import dev.gatehouse.events.apps.DeveloperRoleChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A person in a developer organization: invited by e-mail with a role ({@code owner} manages the members and
 * develops; {@code developer} develops), active once they took the invitation with a token-service account, removed
 * when an owner takes them out (kept, with their history).
 */
@Entity
@Table(name = "org_member")
public class OrgMember {

    public static final String OWNER = "owner";
    public static final String DEVELOPER = "developer";
    public static final String INVITED = "invited";
    public static final String ACTIVE = "active";
    public static final String REMOVED = "removed";

    @Id
    public UUID id;

    @Column(name = "developer_org_id", nullable = false)
    public UUID developerOrgId;

    @Column(nullable = false, length = 320)
    public String email;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, columnDefinition = "text")
    public String role;

    @Column(nullable = false, columnDefinition = "text")
    public String status;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "invited_at", nullable = false)
    public Instant invitedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, columnDefinition = "text")
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    static OrgMember invite(UUID org, String email, String name, String role, String actorId, Instant now) {
        OrgMember m = new OrgMember();
        m.id = UUID.randomUUID();
        m.developerOrgId = org;
        m.email = email;
        m.name = name;
        m.role = role;
        m.status = INVITED;
        m.invitedAt = now;
        m.createdAt = now;
        m.createdBy = actorId;
        m.updatedAt = now;
        return m;
    }

    public boolean isOwner() {
        return OWNER.equals(role) && !REMOVED.equals(status);
    }

    /** The role this membership gives its account: its own while active, none otherwise. */
    public String liveRole() {
        return ACTIVE.equals(status) && accountId != null ? role : DeveloperRoleChanged.NONE;
    }

    void linkTo(UUID account, Instant now) {
        accountId = account;
        status = ACTIVE;
        updatedAt = now;
    }

    void changeRole(String newRole, Instant now) {
        role = newRole;
        updatedAt = now;
    }

    void remove(Instant now) {
        status = REMOVED;
        updatedAt = now;
    }

    void invitedAgain(Instant now) {
        invitedAt = now;
        updatedAt = now;
    }
}
