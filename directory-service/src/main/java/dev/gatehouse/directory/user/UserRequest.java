package dev.gatehouse.directory.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /companies/{id}/users}: a person joining the company's directory. */
public record UserRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @NotBlank(message = "is required") @Email(message = "must be an email address")
        @Size(max = 320, message = "must be at most 320 characters") String email) {
}
