package dev.gatehouse.token.secondfactor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An account's authenticator: its secret (encrypted), and whether the person confirmed it with a code. */
@Entity
@Table(name = "totp_factor")
public class TotpFactor {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "secret_enc", nullable = false)
    public byte[] secretEnc;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "last_used_step", nullable = false)
    public long lastUsedStep;

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
