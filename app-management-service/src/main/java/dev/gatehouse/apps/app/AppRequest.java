package dev.gatehouse.apps.app;

import dev.gatehouse.events.apps.AppListing;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Body of {@code POST /apps}.
 *
 * @param kind            {@code marketplace} (default) or {@code company}
 * @param owningCompanyId required for, and only for, a {@code company} app
 * @param contactEmail    who admins contact about the app (shown in catalogues)
 */
public record AppRequest(
        @NotNull(message = "is required") UUID developerOrgId,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Size(max = 2000, message = "must be at most 2000 characters") String description,
        AppKind kind,
        UUID owningCompanyId,
        @Email(message = "must be an e-mail address") @Size(max = 320, message = "must be at most 320 characters")
        String contactEmail,
        @Pattern(regexp = HTTPS_URL, message = NOT_HTTPS) @Size(max = 2000, message = "must be at most 2000 characters")
        String documentationUrl,
        @Pattern(regexp = HTTPS_URL, message = NOT_HTTPS) @Size(max = 2000, message = "must be at most 2000 characters")
        String privacyPolicyUrl) {

    /** An https URL, or empty (which, in a change, removes the link). */
    static final String HTTPS_URL = "(https://[^\\s]+)?";
    static final String NOT_HTTPS = "must be an https URL";

    AppListing listing() {
        return new AppListing(blankToNull(contactEmail), blankToNull(documentationUrl), blankToNull(privacyPolicyUrl));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
