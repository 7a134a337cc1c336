package dev.gatehouse.directory.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.Tool;

import java.time.Instant;
import java.util.UUID;

/**
 * A user as the API shows it. A person shows {@code invitedAt} (the newest invitation) and, once they took it, the
 * {@code accountId} they sign in with. Managed users say so ({@code kind: app}, {@code legacy} or
 * {@code service_account}, {@code managedBy}),
 * so an admin browsing the directory sees where to go; legacy service account users also carry
 * {@code deprecated: true}. A person also carries {@code role}: {@code admin} with admin on the company-level
 * Directory tool (what makes a company admin, docs/security.md), otherwise {@code member}; what it gives them once
 * they took their invitation and while they are active.
 */
public record UserResponse(UUID id, UUID companyId, UserKind kind, String name, String email, UserStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String role,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean deprecated,
        @JsonInclude(JsonInclude.Include.NON_NULL) ManagedBy managedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID accountId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant invitedAt, Instant createdAt, String createdBy,
        Instant updatedAt, Instant deactivatedAt) {

    /**
     * The installation that manages an app user, the legacy service account that manages a legacy user, or the
     * service account (token-service client) that manages a service account's user.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ManagedBy(UUID appId, UUID installationId, String installationStatus, UUID legacyServiceAccountId,
            String legacyServiceAccountStatus, String serviceAccountClientId, String serviceAccountStatus) {
    }

    public static UserResponse of(DirectoryUser u) {
        ManagedBy managedBy = u.isApp()
                ? new ManagedBy(u.appId, u.installationId, u.installationStatus, null, null, null, null)
                : u.isLegacy() ? new ManagedBy(null, null, null, u.legacyAccountId, u.legacyStatus, null, null)
                : u.isServiceAccount()
                ? new ManagedBy(null, null, null, null, null, u.serviceClientId, u.serviceStatus) : null;
        return new UserResponse(u.id, u.companyId, u.kind, u.name, u.email, u.status, role(u),
                u.isLegacy() ? Boolean.TRUE : null,
                managedBy, u.accountId, u.invitedAt, u.createdAt, u.createdBy, u.updatedAt, u.deactivatedAt);
    }

    private static String role(DirectoryUser u) {
        if (!u.isPerson()) {
            return null;
        }
        return u.permissions.level(Tool.DIRECTORY) == AccessLevel.ADMIN ? "admin" : "member";
    }
}
