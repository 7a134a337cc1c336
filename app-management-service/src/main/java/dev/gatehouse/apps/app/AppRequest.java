package dev.gatehouse.apps.app;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Body of {@code POST /apps}.
 *
 * @param kind            {@code marketplace} (default) or {@code company}
 * @param owningCompanyId required for, and only for, a {@code company} app
 */
public record AppRequest(
        @NotNull(message = "is required") UUID developerOrgId,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Size(max = 2000, message = "must be at most 2000 characters") String description,
        AppKind kind,
        UUID owningCompanyId) {
}
