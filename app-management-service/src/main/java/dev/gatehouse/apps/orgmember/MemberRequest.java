package dev.gatehouse.apps.orgmember;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /developer-orgs/{id}/members}: a person to invite, and their role. */
public record MemberRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @NotBlank(message = "is required") @Email(message = "must be an email address")
        @Size(max = 320, message = "must be at most 320 characters") String email,
        @Pattern(regexp = "owner|developer", message = "must be owner or developer") String role) {
}
