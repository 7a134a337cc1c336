package dev.gatehouse.token.installation;

import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.token.error.OAuthError;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Installation tokens: an app client names a company ({@code CompanySelector}) and gets a token for its installation
 * there, if it is installed and active.
 */
@ApplicationScoped
public class InstallationTokens {

    public static final String INSTALLATION_ID = "installation_id";

    private final AppInstallationRepository installations;

    public InstallationTokens(AppInstallationRepository installations) {
        this.installations = installations;
    }

    /** An active installation as a grant needs it: its state, and its own token cut-off (stops and restarts). */
    public record Active(InstallationState state, Instant tokensValidAfter) {
    }

    /** The installation of {@code clientId}'s app in the company, active; otherwise an error saying why not. */
    public Uni<Active> requireActive(String clientId, UUID companyId) {
        return Panache.withSession(() -> installations.of(clientId, companyId)).map(i -> {
            if (i == null) {
                throw OAuthError.INVALID_TARGET.because("The app is not installed in company " + companyId);
            }
            InstallationState state = InstallationProjection.read(i.state);
            if (InstallationState.UNINSTALLED.equals(state.status())) {
                throw OAuthError.INVALID_TARGET.because("The app was uninstalled from company " + companyId);
            }
            if (InstallationState.SUSPENDED.equals(state.status())) {
                throw OAuthError.INVALID_TARGET.because("The app is turned off in company " + companyId
                        + "; its installation is kept until an admin turns it on again");
            }
            if (!state.active()) {
                throw OAuthError.INVALID_TARGET.because("The app's installation in company " + companyId
                        + " is disabled");
            }
            return new Active(state, i.tokensValidAfter);
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

    /**
     * The installation, if it is active, read on the caller's connection (inside a grant's transaction): an app
     * acting for a person gets tokens only while its installation there is active.
     */
    public Uni<Optional<InstallationState>> activeOn(SqlClient sql, UUID installationId) {
        return Uni.createFrom().completionStage(() -> sql.preparedQuery(
                        "select status, state from app_installation where installation_id = $1")
                .execute(Tuple.of(installationId)).toCompletionStage()).map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return InstallationState.ACTIVE.equals(row.getString("status"))
                            ? Optional.of(InstallationProjection.read(row.getString("state"))) : Optional.empty();
                });
    }

    /** What the token grants, for the token response and introspection. */
    public static Map<String, Object> permissions(InstallationState state) {
        Map<String, Object> permissions = new LinkedHashMap<>();
        permissions.put("company", state.companyPermissions());
        permissions.put("project", state.projectPermissions());
        return permissions;
    }
}
