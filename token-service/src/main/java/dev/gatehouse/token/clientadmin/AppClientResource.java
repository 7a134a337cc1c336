package dev.gatehouse.token.clientadmin;

import dev.gatehouse.token.client.ClientOwner;
import dev.gatehouse.token.clientadmin.ClientResponses.ClientView;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;
import java.util.function.Function;

/**
 * {@code /clients/{clientId}}: an app's OAuth client, for the developers of the organization that owns the app.
 * The same secret operations as service accounts, so nothing about secrets lives anywhere else. App clients
 * themselves are created from app-management events; any other client answers 404 here.
 */
@Path("/clients/{clientId}")
@Authenticated
@Tag(name = "App clients")
@Produces(MediaType.APPLICATION_JSON)
public class AppClientResource {

    private final ClientRegistration registration;
    private final ClientSecrets secrets;
    private final ManagedClients managed;
    private final Caller caller;

    public AppClientResource(ClientRegistration registration, ClientSecrets secrets, ManagedClients managed,
            Caller caller) {
        this.registration = registration;
        this.secrets = secrets;
        this.managed = managed;
        this.caller = caller;
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.read")
    @Operation(summary = "The app client, with its secrets' ids and dates (never the secrets)")
    public Uni<ClientView> get(@PathParam("clientId") String clientId) {
        return asDeveloper(clientId, owner -> registration.get(owner, clientId));
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.write")
    @Path("/secrets")
    @Operation(summary = "Rotate: add a secret (shown once); the current ones stay valid until the expiry chosen")
    @APIResponseSchema(value = ClientResponses.NewSecret.class, responseCode = "201",
            responseDescription = "The new secret, shown this once")
    @APIResponse(responseCode = "409", description = "The client already has the most live secrets it may hold")
    public Uni<Response> rotate(@PathParam("clientId") String clientId,
            @RequestBody(required = false) ClientRequests.Rotate request) {
        return asDeveloper(clientId, owner -> secrets.rotate(owner, clientId,
                request == null ? null : request.previousSecretsExpireAt(), caller.actor()))
                .map(SecretResponses::created);
    }

    @DELETE
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.write")
    @Path("/secrets/{secretId}")
    @Operation(summary = "Revoke one secret")
    public Uni<ClientView> revokeSecret(@PathParam("clientId") String clientId,
            @PathParam("secretId") UUID secretId) {
        return asDeveloper(clientId, owner -> secrets.revoke(owner, clientId, secretId, caller.actor()));
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "developer.write")
    @Path("/regenerate-secret")
    @Operation(summary = "Revoke every secret at once and return a new one (shown once)")
    @APIResponseSchema(value = ClientResponses.NewSecret.class, responseCode = "201",
            responseDescription = "The new secret, shown this once; every other secret and token is revoked")
    public Uni<Response> regenerate(@PathParam("clientId") String clientId) {
        return asDeveloper(clientId, owner -> secrets.regenerate(owner, clientId, caller.actor()))
                .map(SecretResponses::created);
    }

    private <T> Uni<T> asDeveloper(String clientId, Function<ClientOwner, Uni<T>> action) {
        return managed.appClientOwner(clientId).chain(owner -> {
            caller.requireDeveloperOf(owner.id());
            return action.apply(owner);
        });
    }
}
