package dev.gatehouse.token.installation;

import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.token.error.OAuthError;
import dev.gatehouse.token.oauth.OAuthForm;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installation tokens: an app client names a company (the {@code company_id} parameter, or an RFC 8707
 * {@code resource}) and gets a token for its installation there, if it is installed and active.
 */
@ApplicationScoped
public class InstallationTokens {

    public static final String INSTALLATION_ID = "installation_id";
    /** RFC 8707 §2: an absolute URI; ours name a company as a URN or as a company URL of our APIs. */
    private static final Pattern COMPANY_RESOURCE = Pattern.compile(
            "^(?:urn:gatehouse:company:|https?://[^?#]+/companies/)([0-9a-fA-F-]{36})/?$");

    private final AppInstallationRepository installations;

    public InstallationTokens(AppInstallationRepository installations) {
        this.installations = installations;
    }

    /** The company asked for, if any; both selectors at once, or one that names no company, is refused. */
    public static Optional<UUID> selector(OAuthForm form) {
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

    /** The installation of {@code clientId}'s app in the company, active; otherwise an error saying why not. */
    public Uni<InstallationState> requireActive(String clientId, UUID companyId) {
        return Panache.withSession(() -> installations.of(clientId, companyId)).map(i -> {
            if (i == null) {
                throw OAuthError.INVALID_TARGET.because("The app is not installed in company " + companyId);
            }
            InstallationState state = InstallationProjection.read(i.state);
            if (InstallationState.UNINSTALLED.equals(state.status())) {
                throw OAuthError.INVALID_TARGET.because("The app was uninstalled from company " + companyId);
            }
            if (!state.active()) {
                throw OAuthError.INVALID_TARGET.because("The app's installation in company " + companyId
                        + " is disabled");
            }
            return state;
        });
    }

    /** For introspection: the installation a token names, if it is active and the token is not older than a cutoff. */
    public Uni<Optional<InstallationState>> activeFor(String installationId, Instant issuedAt) {
        UUID id;
        try {
            id = UUID.fromString(installationId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.withSession(() -> installations.findById(id)).map(i -> i == null
                || !InstallationState.ACTIVE.equals(i.status) || issuedAt.isBefore(i.tokensValidAfter)
                ? Optional.<InstallationState>empty() : Optional.of(InstallationProjection.read(i.state)));
    }

    /** What the token grants, for the token response and introspection. */
    public static Map<String, Object> permissions(InstallationState state) {
        Map<String, Object> permissions = new LinkedHashMap<>();
        permissions.put("company", state.companyPermissions());
        permissions.put("project", state.projectPermissions());
        return permissions;
    }

    private static UUID uuid(String value, OAuthError error, String message) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw error.because(message);
        }
    }
}
