package dev.gatehouse.apps.installation;

import dev.gatehouse.apps.app.AppRepository;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /app/installations}: for an app holding a token without a company selector, the companies where it is
 * installed, so it knows which {@code company_id} to ask token-service for (GitHub's "list installations for the
 * authenticated app").
 */
@Path("/app/installations")
@Authenticated
@Tag(name = "Installations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.BEARER)
public class AppInstallationsResource {

    /** Where the app is installed, and in what state; no permissions (those come with a company token). */
    public record AppInstallation(UUID installationId, UUID companyId, String version, InstallationStatus status) {
    }

    private final AppRepository apps;
    private final InstallationRepository installations;
    private final Caller caller;

    public AppInstallationsResource(AppRepository apps, InstallationRepository installations, Caller caller) {
        this.apps = apps;
        this.installations = installations;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "The calling app's installations that are not uninstalled (an app's own token only)")
    public Uni<List<AppInstallation>> list() {
        String clientId = caller.appClientId().orElseThrow(() -> ProblemException.forbidden(
                "Only an app's own token (client_credentials without a company) may list its installations"));
        return apps.find("clientId", clientId).firstResult().chain(app -> app == null
                ? Uni.createFrom().item(List.<AppInstallation>of())
                : installations.ofAppOrdered(app.id).map(list -> list.stream()
                        .filter(i -> i.status != InstallationStatus.uninstalled)
                        .map(i -> new AppInstallation(i.id, i.companyId, i.appVersion, i.status)).toList()));
    }
}
