package dev.gatehouse.directory.company;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /companies}. */
public record CompanyRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name) {
}
