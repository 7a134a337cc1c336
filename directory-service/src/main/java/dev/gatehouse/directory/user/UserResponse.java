package dev.gatehouse.directory.user;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * A user as the API shows it. App users say so ({@code kind: app}, {@code managedBy}), so an admin browsing the
 * directory sees which installation to go to.
 */
public record UserResponse(UUID id, UUID companyId, UserKind kind, String name, String email, UserStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) ManagedBy managedBy, Instant createdAt, String createdBy,
        Instant updatedAt, Instant deactivatedAt) {

    /** The installation that manages an app user. */
    public record ManagedBy(UUID appId, UUID installationId, String installationStatus) {
    }

    public static UserResponse of(DirectoryUser u) {
        ManagedBy managedBy = u.isApp() ? new ManagedBy(u.appId, u.installationId, u.installationStatus) : null;
        return new UserResponse(u.id, u.companyId, u.kind, u.name, u.email, u.status, managedBy, u.createdAt,
                u.createdBy, u.updatedAt, u.deactivatedAt);
    }
}
