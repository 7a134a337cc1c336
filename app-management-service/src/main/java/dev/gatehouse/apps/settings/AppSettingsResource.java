package dev.gatehouse.apps.settings;

import dev.gatehouse.apps.AppManagementService;
import dev.gatehouse.apps.company.CompanyDirectory;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.apps.AppSettingsChanged;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** {@code /companies/{companyId}/app-settings}: company-wide rules for apps. */
@Path("/companies/{companyId}/app-settings")
@Authenticated
@Tag(name = "App bindings")
@Produces(MediaType.APPLICATION_JSON)
public class AppSettingsResource {

    private final CompanyDirectory directory;
    private final OutboxWriter outbox;
    private final Caller caller;
    private final Clock clock;

    public AppSettingsResource(CompanyDirectory directory, OutboxWriter outbox, Caller caller, Clock clock) {
        this.directory = directory;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.read")
    @WithSession
    @Operation(summary = "The company's app settings (members)")
    public Uni<AppSettings> get(@PathParam("companyId") UUID companyId) {
        caller.requireCompanyMember(companyId);
        return directory.require(companyId).map(c -> new AppSettings(c.forbidHighRisk));
    }

    @PUT
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @WithTransaction
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the company's app settings (admin), announced as AppSettingsChanged; existing "
            + "installations are not changed")
    public Uni<AppSettings> put(@PathParam("companyId") UUID companyId,
            @Valid @NotNull(message = "a JSON body is required") AppSettings body) {
        caller.requireCompanyAdmin(companyId);
        Actor actor = caller.actor();
        return directory.require(companyId).chain(c -> {
            if (c.forbidHighRisk == body.forbidHighRiskApps()) {
                return Uni.createFrom().item(new AppSettings(c.forbidHighRisk));
            }
            c.forbidHighRisk = body.forbidHighRiskApps();
            c.settingsUpdatedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            c.settingsUpdatedBy = actor.id();
            return outbox.append(EventEnvelope.of(AppsEvents.APP_SETTINGS_CHANGED, AppManagementService.NAME,
                            companyId, actor, companyId.toString(),
                            new AppSettingsChanged(companyId, c.forbidHighRisk)))
                    .replaceWith(new AppSettings(c.forbidHighRisk));
        });
    }
}
