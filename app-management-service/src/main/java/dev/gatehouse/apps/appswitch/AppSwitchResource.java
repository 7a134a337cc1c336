package dev.gatehouse.apps.appswitch;

import dev.gatehouse.apps.binding.BindingBody;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * {@code /companies/{companyId}/app-bindings/{appId}}: on, off or allow for a marketplace app. The answer shows the
 * company's installation of it, if any, which turning the app off suspends and turning it on restores.
 */
@Path("/companies/{companyId}/app-bindings/{appId}")
@Authenticated
@Tag(name = "App bindings")
@Produces(MediaType.APPLICATION_JSON)
public class AppSwitchResource {

    private final AppSwitch service;
    private final Caller caller;

    public AppSwitchResource(AppSwitch service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.read")
    @Operation(summary = "The company's binding for a marketplace app; off unless an admin chose otherwise (members)")
    public Uni<AppSwitchResponse> get(@PathParam("companyId") UUID companyId, @PathParam("appId") UUID appId) {
        caller.requireCompanyMember(companyId);
        return service.get(companyId, appId);
    }

    @PUT
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set on, off or allow (admin). Off suspends the company's installation of the app (its app "
            + "user is deactivated, its tokens stop); on or allow brings it back as it was")
    @APIResponse(responseCode = "409", description = "The app is the company's own app: it needs no binding")
    @APIResponseSchema(value = AppSwitchResponse.class, responseDescription = "The binding, and the installation")
    public Uni<AppSwitchResponse> put(@PathParam("companyId") UUID companyId, @PathParam("appId") UUID appId,
            @Valid @NotNull(message = "a JSON body is required") BindingBody body) {
        caller.requireCompanyAdmin(companyId);
        return service.put(companyId, appId, body.state(), caller.actor());
    }
}
