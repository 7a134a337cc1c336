package dev.gatehouse.token.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/** A person's login identity: e-mail, password hash, status, and the cut-off that ends their sessions and tokens. */
@Entity
@Table(name = "account")
public class Account {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";

    @Id
    public UUID id;

    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "email_key", nullable = false, length = 254)
    public String emailKey;

    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    @Column(name = "display_name", length = 200)
    public String displayName;

    @Column(name = "password_hash", columnDefinition = "text")
    public String passwordHash;

    @Column(name = "platform_admin", nullable = false)
    public boolean platformAdmin;

    @Column(nullable = false, columnDefinition = "text")
    public String status;

    @Column(name = "tokens_valid_after", nullable = false)
    public Instant tokensValidAfter;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, columnDefinition = "text")
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, columnDefinition = "text")
    public String updatedBy;

    @Version
    public long version;

    /** The form an address is compared in: one address, one account, however it is capitalised. */
    public static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public static Account create(String email, String displayName, boolean verified, String actorId, Instant now) {
        Account a = new Account();
        a.id = UUID.randomUUID();
        a.email = email.strip();
        a.emailKey = key(email);
        a.emailVerified = verified;
        a.displayName = displayName;
        a.status = ACTIVE;
        // Nothing of it exists yet; a whole second, so its first tokens (whole-second iat) are never before it.
        a.tokensValidAfter = now.truncatedTo(ChronoUnit.SECONDS);
        a.createdAt = now;
        a.createdBy = actorId;
        a.updatedAt = now;
        a.updatedBy = actorId;
        return a;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** Whether something (a session, a token) started at {@code at} is still allowed to count. */
    public boolean stillValid(Instant at) {
        return isActive() && !at.isBefore(tokensValidAfter);
    }

    /** The same password under today's hash parameters (the old hash verified it a moment ago). */
    public void rehashed(String hash) {
        passwordHash = hash;
    }

    /** The person's own new name (their profile). */
    public void rename(String name, Instant now, String actorId) {
        displayName = name;
        updatedAt = now;
        updatedBy = actorId;
    }

    /** Active again: it may sign in; its cut-off stays, so nothing from before comes back. */
    public void enable(Instant now, String actorId) {
        status = ACTIVE;
        updatedAt = now;
        updatedBy = actorId;
    }
}
