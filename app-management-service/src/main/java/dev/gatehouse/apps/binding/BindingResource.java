package dev.gatehouse.apps.binding;

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

/** {@code /companies/{companyId}/app-bindings/{appId}}: on, off or allow for a marketplace app. */
@Path("/companies/{companyId}/app-bindings/{appId}")
@Authenticated
@Tag(name = "App bindings")
@Produces(MediaType.APPLICATION_JSON)
public class BindingResource {

    private final BindingService service;
    private final Caller caller;

    public BindingResource(BindingService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.read")
    @Operation(summary = "The company's binding for a marketplace app; off unless an admin chose otherwise (members)")
    public Uni<BindingResponse> get(@PathParam("companyId") UUID companyId, @PathParam("appId") UUID appId) {
        caller.requireCompanyMember(companyId);
        return service.get(companyId, appId);
    }

    @PUT
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set on, off or allow (admin)")
    @APIResponse(responseCode = "409", description = "The app is the company's own app: it needs no binding")
    @APIResponseSchema(value = BindingResponse.class, responseDescription = "The binding")
    public Uni<BindingResponse> put(@PathParam("companyId") UUID companyId, @PathParam("appId") UUID appId,
            @Valid @NotNull(message = "a JSON body is required") BindingBody body) {
        caller.requireCompanyAdmin(companyId);
        return service.put(companyId, appId, body.state(), caller.actor());
    }
}
