package dev.gatehouse.directory.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /companies/{id}/projects} and of the rename {@code PATCH}. */
public record ProjectRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name) {
}
