package dev.gatehouse.token.invitation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation to join a company as one of its directory's people, or a developer organization as a member: the
 * e-mailed link's hash, for whom, until when, and what became of it. Used once; a newer invitation for the same person supersedes it.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    public static final String COMPANY = "company";
    public static final String DEVELOPER_ORG = "developer_org";

    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false, columnDefinition = "text")
    public String tokenHash;

    @Column(nullable = false, columnDefinition = "text")
    public String kind;

    @Column(name = "scope_id", nullable = false)
    public UUID scopeId;

    @Column(name = "scope_name", nullable = false, length = 200)
    public String scopeName;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(nullable = false, length = 320)
    public String email;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "invited_by", nullable = false, columnDefinition = "text")
    public String invitedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "account_id")
    public UUID accountId;

    /** What the link can still do, in the order a visitor should hear about it. */
    public enum State { OPEN, ACCEPTED, SUPERSEDED, EXPIRED }

    public State state(Instant now) {
        if (acceptedAt != null) {
            return State.ACCEPTED;
        }
        if (supersededAt != null) {
            return State.SUPERSEDED;
        }
        return now.isBefore(expiresAt) ? State.OPEN : State.EXPIRED;
    }

    public void supersede(Instant now) {
        if (acceptedAt == null && supersededAt == null) {
            supersededAt = now;
        }
    }

    public void acceptBy(UUID account, Instant now) {
        accountId = account;
        acceptedAt = now;
    }
}
