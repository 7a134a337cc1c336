package dev.gatehouse.token.oauth;

import dev.gatehouse.token.error.OAuthError;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a person's access token is to act: one company ({@link CompanySelector}), or one developer organization
 * ({@code developer_org_id}, or an RFC 8707 {@code resource} naming it), or neither. Never both: a token's company or
 * organization roles apply to the one it names.
 */
public record ActingIn(Optional<UUID> company, Optional<UUID> developerOrg) {

    public static final ActingIn NOWHERE = new ActingIn(Optional.empty(), Optional.empty());

    /** RFC 8707 §2: an organization as a URN or as an organization URL of our APIs. */
    private static final Pattern ORG_RESOURCE = Pattern.compile(
            "^(?:urn:gatehouse:developer-org:|https?://[^?#]+/developer-orgs/)([0-9a-fA-F-]{36})/?$");

    public static ActingIn of(OAuthForm form) {
        Optional<String> orgId = form.get("developer_org_id");
        Optional<Matcher> orgResource = form.get("resource").map(ORG_RESOURCE::matcher).filter(Matcher::matches);
        if (orgId.isEmpty() && orgResource.isEmpty()) {
            return new ActingIn(CompanySelector.of(form), Optional.empty());
        }
        if (form.get("company_id").isPresent() || (orgId.isPresent() && form.get("resource").isPresent())) {
            throw OAuthError.INVALID_REQUEST.because("A token acts in one company or one developer organization; "
                    + "name it once");
        }
        String raw = orgId.orElseGet(() -> orgResource.get().group(1));
        try {
            return new ActingIn(Optional.empty(), Optional.of(UUID.fromString(raw)));
        } catch (IllegalArgumentException e) {
            throw (orgId.isPresent() ? OAuthError.INVALID_REQUEST : OAuthError.INVALID_TARGET)
                    .because("developer_org_id must be a developer organization id");
        }
    }
}
