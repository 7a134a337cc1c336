package dev.gatehouse.token.grant;

import dev.gatehouse.token.error.OAuthError;
import dev.gatehouse.token.installation.InstallationTokens;
import dev.gatehouse.token.oauth.ActingIn;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * The checks an app's grant for a person passes at every code exchange and refresh (docs/security.md, "Apps acting
 * for people"): its token acts in the company the person authorized it in and nowhere else, and only while the
 * app's installation there is active (not disabled, uninstalled, or turned off by the company's admin).
 */
@ApplicationScoped
public class Delegations {

    /** Where the token acts, and the installation it acts through. */
    record Acting(ActingIn actingIn, PersonTokens.Delegation delegation) {
    }

    private final InstallationTokens installations;

    public Delegations(InstallationTokens installations) {
        this.installations = installations;
    }

    /**
     * {@code invalid_target} for another company or an organization asked for; {@code invalid_grant} once the
     * installation is no longer active (thrown, inside the grant's transaction).
     */
    Uni<Acting> of(SqlClient sql, UUID companyId, UUID installationId, ActingIn asked) {
        if (asked.developerOrg().isPresent() || asked.company().filter(c -> !c.equals(companyId)).isPresent()) {
            throw OAuthError.INVALID_TARGET.because("The app was authorized in company " + companyId
                    + " only");
        }
        return installations.activeOn(sql, installationId).map(found -> {
            if (found.isEmpty()) {
                throw OAuthError.INVALID_GRANT.because("The app is no longer installed and active in company "
                        + companyId);
            }
            return new Acting(new ActingIn(Optional.of(companyId), Optional.empty()), new PersonTokens.Delegation(
                    companyId, installationId, found.get().appUserId()));
        });
    }
}
