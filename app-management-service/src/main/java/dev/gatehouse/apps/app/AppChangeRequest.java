package dev.gatehouse.apps.app;

import dev.gatehouse.events.apps.AppListing;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /apps/{appId}}: the fields given change, the others stay; an empty contact or link removes
 * it.
 */
public record AppChangeRequest(
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 2000, message = "must be at most 2000 characters") String description,
        @Email(message = "must be an e-mail address") @Size(max = 320, message = "must be at most 320 characters")
        String contactEmail,
        @Pattern(regexp = AppRequest.HTTPS_URL, message = AppRequest.NOT_HTTPS)
        @Size(max = 2000, message = "must be at most 2000 characters") String documentationUrl,
        @Pattern(regexp = AppRequest.HTTPS_URL, message = AppRequest.NOT_HTTPS)
        @Size(max = 2000, message = "must be at most 2000 characters") String privacyPolicyUrl) {

    /** The listing after this change: each field given replaces the current one. */
    AppListing listingAfter(AppListing current) {
        return new AppListing(
                contactEmail == null ? current.contactEmail() : AppRequest.blankToNull(contactEmail),
                documentationUrl == null ? current.documentationUrl() : AppRequest.blankToNull(documentationUrl),
                privacyPolicyUrl == null ? current.privacyPolicyUrl() : AppRequest.blankToNull(privacyPolicyUrl));
    }
}
