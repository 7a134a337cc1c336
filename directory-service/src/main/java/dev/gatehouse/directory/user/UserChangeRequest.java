package dev.gatehouse.directory.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /companies/{id}/users/{userId}}: the fields given change, the others stay. */
public record UserChangeRequest(
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Email(message = "must be an email address") @Size(max = 320, message = "must be at most 320 characters")
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") String email) {
}
