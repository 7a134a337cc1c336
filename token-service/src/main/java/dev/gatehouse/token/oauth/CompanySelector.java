package dev.gatehouse.token.oauth;

import dev.gatehouse.token.error.OAuthError;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The company a token is asked for: the {@code company_id} parameter, or an RFC 8707 {@code resource} naming the
 * company. Apps name one to get their installation's token; people name one to act in that company.
 */
public final class CompanySelector {

    /** RFC 8707 §2: an absolute URI; ours name a company as a URN or as a company URL of our APIs. */
    private static final Pattern COMPANY_RESOURCE = Pattern.compile(
            "^(?:urn:gatehouse:company:|https?://[^?#]+/companies/)([0-9a-fA-F-]{36})/?$");

    private CompanySelector() {
    }

    /** The company asked for, if any; both selectors at once, or one that names no company, is refused. */
    public static Optional<UUID> of(OAuthForm form) {
        Optional<String> companyId = form.get("company_id");
        Optional<String> resource = form.get("resource");
        if (companyId.isPresent() && resource.isPresent()) {
            throw OAuthError.INVALID_REQUEST.because("Name the company once: company_id or resource, not both");
        }
        if (companyId.isPresent()) {
            return Optional.of(uuid(companyId.get(), OAuthError.INVALID_REQUEST, "company_id must be a company id"));
        }
        if (resource.isPresent()) {
            Matcher m = COMPANY_RESOURCE.matcher(resource.get());
            if (!m.matches()) {
                throw OAuthError.INVALID_TARGET.because("resource must name a company: urn:gatehouse:company:{id} or "
                        + "a URL ending in /companies/{id}");
            }
            return Optional.of(uuid(m.group(1), OAuthError.INVALID_TARGET, "resource must name a company id"));
        }
        return Optional.empty();
    }

    private static UUID uuid(String value, OAuthError error, String message) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw error.because(message);
        }
    }
}
