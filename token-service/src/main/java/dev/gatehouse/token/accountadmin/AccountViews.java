package dev.gatehouse.token.accountadmin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.session.SignInSession;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** What the account APIs show: never a password hash, never a session's cookie or its hash. */
public final class AccountViews {

    private AccountViews() {
    }

    @Schema(name = "Account")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AccountView(UUID id, String email, boolean emailVerified, String displayName, boolean platformAdmin,
            String status, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

        static AccountView of(Account a) {
            return new AccountView(a.id, a.email, a.emailVerified, a.displayName, a.platformAdmin, a.status,
                    a.createdAt, a.createdBy, a.updatedAt, a.updatedBy);
        }
    }

    /** One of a person's sign-in sessions; {@code current} marks the one the asking token came from. */
    @Schema(name = "SignInSession")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SessionView(UUID id, Instant signedInAt, Instant expiresAt, String amr, String userAgent,
            String sourceAddress, boolean current) {

        static SessionView of(SignInSession s, UUID current) {
            return new SessionView(s.id, s.authTime, s.expiresAt, s.amr, s.userAgent, s.sourceAddress,
                    s.id.equals(current));
        }
    }

    /** {@code POST /accounts/{id}/disable}. */
    @Schema(name = "AccountDisable")
    public record Disable(@Size(max = 500, message = "must be at most 500 characters") String reason) {
    }
}
