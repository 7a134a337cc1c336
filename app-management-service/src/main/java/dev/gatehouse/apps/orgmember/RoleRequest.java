package dev.gatehouse.apps.orgmember;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code PATCH /developer-orgs/{id}/members/{memberId}}. */
public record RoleRequest(
        @NotNull(message = "is required") @Pattern(regexp = "owner|developer", message = "must be owner or developer")
        String role) {
}
