package dev.gatehouse.apps.developerorg;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /developer-orgs}. */
public record DeveloperOrgRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name) {
}
