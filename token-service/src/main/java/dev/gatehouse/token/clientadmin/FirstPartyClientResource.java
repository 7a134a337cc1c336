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
import jakarta.ws.rs.PATCH;
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
 * {@code /first-party-clients}: the platform's own applications that people sign in to (the console, developer
 * tools), for platform admins only. They use the authorization code flow with PKCE and refresh tokens, send people
 * back only to their registered redirect URIs, and never ask people for consent. A confidential one has secrets
 * (shown once, rotated like any client's); a public one has none.
 */
@Path("/first-party-clients")
@Authenticated
@Tag(name = "First-party clients")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.PLATFORM)
public class FirstPartyClientResource {

    private final ClientRegistration registration;
    private final ClientSecrets secrets;
    private final ClientSwitch toggle;
    private final Caller caller;

    public FirstPartyClientResource(ClientRegistration registration, ClientSecrets secrets, ClientSwitch toggle,
            Caller caller) {
        this.registration = registration;
        this.secrets = secrets;
        this.toggle = toggle;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a first-party client; a confidential one's client_secret is in the response, once")
    @APIResponseSchema(value = ClientResponses.Created.class, responseCode = "201",
            responseDescription = "Created; the only answer that shows clientSecret (null for a public client)")
    @APIResponse(responseCode = "409", description = "A first-party client by that name already exists")
    public Uni<Response> create(
            @Valid @NotNull(message = "a JSON body is required") ClientRequests.FirstPartyCreate request,
            UriInfo uri) {
        caller.requirePlatformAdmin();
        return registration.createFirstParty(request, caller.actor())
                .map(created -> Response.created(uri.getAbsolutePathBuilder().path(created.clientId()).build())
                        .header("Cache-Control", "no-store").entity(created).build());
    }

    @GET
    @Operation(summary = "List the first-party clients (no secrets)")
    public Uni<Page<ClientView>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        caller.requirePlatformAdmin();
        return registration.list(ClientOwner.FIRST_PARTY, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "One first-party client, with its secrets' ids and dates (never the secrets)")
    public Uni<ClientView> get(@PathParam("clientId") String clientId) {
        caller.requirePlatformAdmin();
        return registration.get(ClientOwner.FIRST_PARTY, clientId);
    }

    @PATCH
    @Path("/{clientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename it or change its redirect URIs (absent fields stay as they are)")
    @APIResponseSchema(value = ClientView.class, responseDescription = "The client as it is now")
    @APIResponse(responseCode = "409", description = "Another first-party client has that name")
    public Uni<ClientView> update(@PathParam("clientId") String clientId,
            @Valid @NotNull(message = "a JSON body is required") ClientRequests.FirstPartyUpdate patch) {
        caller.requirePlatformAdmin();
        return registration.updateFirstParty(clientId, patch, caller.actor());
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(summary = "Delete a first-party client; its secrets and tokens stop working everywhere")
    @APIResponse(responseCode = "204", description = "Deleted; its tokens, codes and refresh tokens are revoked")
    public Uni<Response> delete(@PathParam("clientId") String clientId) {
        caller.requirePlatformAdmin();
        return registration.delete(ClientOwner.FIRST_PARTY, clientId, caller.actor())
                .map(x -> Response.noContent().build());
    }

    @POST
    @Path("/{clientId}/secrets")
    @Operation(summary = "Rotate: add a secret (shown once); the current ones stay valid until the expiry chosen")
    @APIResponseSchema(value = ClientResponses.NewSecret.class, responseCode = "201",
            responseDescription = "The new secret, shown this once")
    @APIResponse(responseCode = "409", description = "The client already has the most live secrets it may hold, or "
            + "is a public client, which has none")
    public Uni<Response> rotate(@PathParam("clientId") String clientId,
            @RequestBody(required = false) ClientRequests.Rotate request) {
        caller.requirePlatformAdmin();
        return secrets.rotate(ClientOwner.FIRST_PARTY, clientId,
                        request == null ? null : request.previousSecretsExpireAt(), caller.actor())
                .map(SecretResponses::created);
    }

    @DELETE
    @Path("/{clientId}/secrets/{secretId}")
    @Operation(summary = "Revoke one secret")
    public Uni<ClientView> revokeSecret(@PathParam("clientId") String clientId,
            @PathParam("secretId") UUID secretId) {
        caller.requirePlatformAdmin();
        return secrets.revoke(ClientOwner.FIRST_PARTY, clientId, secretId, caller.actor());
    }

    @POST
    @Path("/{clientId}/regenerate-secret")
    @Operation(summary = "Revoke every secret and every token at once and return a new secret (shown once)")
    @APIResponseSchema(value = ClientResponses.NewSecret.class, responseCode = "201",
            responseDescription = "The new secret, shown this once; every other secret and token is revoked")
    @APIResponse(responseCode = "409", description = "A public client has no secret")
    public Uni<Response> regenerate(@PathParam("clientId") String clientId) {
        caller.requirePlatformAdmin();
        return secrets.regenerate(ClientOwner.FIRST_PARTY, clientId, caller.actor()).map(SecretResponses::created);
    }

    @POST
    @Path("/{clientId}/disable")
    @Operation(summary = "Disable: the client cannot authenticate and its tokens stop working everywhere")
    @APIResponseSchema(value = ClientView.class, responseDescription = "The client")
    public Uni<ClientView> disable(@PathParam("clientId") String clientId,
            @RequestBody(required = false) @Valid ClientRequests.Disable request) {
        caller.requirePlatformAdmin();
        return toggle.disable(ClientOwner.FIRST_PARTY, clientId, request == null ? null : request.reason(),
                caller.actor());
    }

    @POST
    @Path("/{clientId}/enable")
    @Operation(summary = "Enable a disabled first-party client (its old tokens stay dead)")
    public Uni<ClientView> enable(@PathParam("clientId") String clientId) {
        caller.requirePlatformAdmin();
        return toggle.enable(ClientOwner.FIRST_PARTY, clientId, caller.actor());
    }

    @POST
    @Path("/{clientId}/revoke-tokens")
    @Operation(summary = "Revoke every token issued to this client so far, on every service")
    public Uni<ClientView> revokeTokens(@PathParam("clientId") String clientId) {
        caller.requirePlatformAdmin();
        return toggle.revokeTokens(ClientOwner.FIRST_PARTY, clientId, caller.actor());
    }
}
