package dev.gatehouse.token.clientadmin;

import dev.gatehouse.token.client.ClientOwner;
import dev.gatehouse.token.clientadmin.ClientResponses.ClientView;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * {@code /platform-clients}: the platform's own OAuth clients, whose tokens carry {@code platform_admin}, for
 * platform admins only. The first is created at first start from {@code GATEHOUSE_ADMIN_CLIENT_ID}; this is how
 * it is rotated, replaced, disabled and its tokens revoked (runbook in docs/security.md). The last enabled one
 * cannot be disabled or deleted.
 */
@Path("/platform-clients")
@Authenticated
@Tag(name = "Platform clients")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.PLATFORM)
public class PlatformClientResource {

    private final ClientRegistration registration;
    private final ClientSecrets secrets;
    private final ClientSwitch toggle;
    private final Caller caller;

    public PlatformClientResource(ClientRegistration registration, ClientSecrets secrets, ClientSwitch toggle,
            Caller caller) {
        this.registration = registration;
        this.secrets = secrets;
        this.toggle = toggle;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create another platform-admin client; the response holds its client_secret, shown once")
    @APIResponseSchema(value = ClientResponses.Created.class, responseCode = "201",
            responseDescription = "Created; the only answer that shows clientSecret")
    @APIResponse(responseCode = "409", description = "A platform client by that name already exists")
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") ClientRequests.Create request,
            UriInfo uri) {
        caller.requirePlatformAdmin();
        return registration.create(ClientOwner.PLATFORM, request, caller.actor())
                .map(created -> Response.created(uri.getAbsolutePathBuilder().path(created.clientId()).build())
                        .header("Cache-Control", "no-store").entity(created).build());
    }

    @GET
    @Operation(summary = "List the platform-admin clients (no secrets)")
    public Uni<Page<ClientView>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        caller.requirePlatformAdmin();
        return registration.list(ClientOwner.PLATFORM, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "One platform-admin client, with its secrets' ids and dates (never the secrets)")
    public Uni<ClientView> get(@PathParam("clientId") String clientId) {
        caller.requirePlatformAdmin();
        return registration.get(ClientOwner.PLATFORM, clientId);
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(summary = "Delete a platform-admin client; its secrets and tokens stop working everywhere")
    @APIResponse(responseCode = "204", description = "Deleted; its tokens are revoked")
    @APIResponse(responseCode = "409", description = "It is the last enabled platform client (last-platform-client)")
    public Uni<Response> delete(@PathParam("clientId") String clientId) {
        caller.requirePlatformAdmin();
        return registration.delete(ClientOwner.PLATFORM, clientId, caller.actor())
                .map(x -> Response.noContent().build());
    }

    @POST
    @Path("/{clientId}/secrets")
    @Operation(summary = "Rotate: add a secret (shown once); the current ones stay valid until the expiry chosen")
    @APIResponseSchema(value = ClientResponses.NewSecret.class, responseCode = "201",
            responseDescription = "The new secret, shown this once")
    @APIResponse(responseCode = "409", description = "The client already has the most live secrets it may hold")
    public Uni<Response> rotate(@PathParam("clientId") String clientId,
            @RequestBody(required = false) ClientRequests.Rotate request) {
        caller.requirePlatformAdmin();
        return secrets.rotate(ClientOwner.PLATFORM, clientId,
                        request == null ? null : request.previousSecretsExpireAt(), caller.actor())
                .map(SecretResponses::created);
    }

    @DELETE
    @Path("/{clientId}/secrets/{secretId}")
    @Operation(summary = "Revoke one secret")
    public Uni<ClientView> revokeSecret(@PathParam("clientId") String clientId,
            @PathParam("secretId") UUID secretId) {
        caller.requirePlatformAdmin();
        return secrets.revoke(ClientOwner.PLATFORM, clientId, secretId, caller.actor());
    }

    @POST
    @Path("/{clientId}/regenerate-secret")
    @Operation(summary = "Revoke every secret and every token at once and return a new secret (shown once)")
    @APIResponseSchema(value = ClientResponses.NewSecret.class, responseCode = "201",
            responseDescription = "The new secret, shown this once; every other secret and token is revoked")
    public Uni<Response> regenerate(@PathParam("clientId") String clientId) {
        caller.requirePlatformAdmin();
        return secrets.regenerate(ClientOwner.PLATFORM, clientId, caller.actor()).map(SecretResponses::created);
    }

    @POST
    @Path("/{clientId}/disable")
    @Operation(summary = "Disable: the client cannot authenticate and its tokens stop working everywhere")
    @APIResponse(responseCode = "409", description = "It is the last enabled platform client (last-platform-client)")
    @APIResponseSchema(value = ClientView.class, responseDescription = "The client")
    public Uni<ClientView> disable(@PathParam("clientId") String clientId,
            @RequestBody(required = false) @Valid ClientRequests.Disable request) {
        caller.requirePlatformAdmin();
        return toggle.disable(ClientOwner.PLATFORM, clientId, request == null ? null : request.reason(),
                caller.actor());
    }

    @POST
    @Path("/{clientId}/enable")
    @Operation(summary = "Enable a disabled platform-admin client (its old tokens stay dead)")
    public Uni<ClientView> enable(@PathParam("clientId") String clientId) {
        caller.requirePlatformAdmin();
        return toggle.enable(ClientOwner.PLATFORM, clientId, caller.actor());
    }

    @POST
    @Path("/{clientId}/revoke-tokens")
    @Operation(summary = "Revoke every token issued to this client so far, on every service")
    public Uni<ClientView> revokeTokens(@PathParam("clientId") String clientId) {
        caller.requirePlatformAdmin();
        return toggle.revokeTokens(ClientOwner.PLATFORM, clientId, caller.actor());
    }
}
