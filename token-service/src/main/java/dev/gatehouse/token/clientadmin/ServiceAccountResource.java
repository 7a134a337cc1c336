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
import jakarta.ws.rs.PUT;
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
 * {@code /companies/{companyId}/service-accounts}: a company's own OAuth clients, administered by its admins.
 * The client secret appears only in the responses that create one.
 */
@Path("/companies/{companyId}/service-accounts")
@Authenticated
@Tag(name = "Service accounts")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceAccountResource {

    private final ClientRegistration registration;
    private final ClientSecrets secrets;
    private final ClientSwitch toggle;
    private final ServiceAccountPermissions permissions;
    private final Caller caller;

    public ServiceAccountResource(ClientRegistration registration, ClientSecrets secrets, ClientSwitch toggle,
            ServiceAccountPermissions permissions, Caller caller) {
        this.registration = registration;
        this.secrets = secrets;
        this.toggle = toggle;
        this.permissions = permissions;
        this.caller = caller;
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "service_accounts.admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a service account; the response holds its client_secret, shown this once")
    @APIResponseSchema(value = ClientResponses.Created.class, responseCode = "201",
            responseDescription = "Created; the only answer that shows clientSecret")
    @APIResponse(responseCode = "409", description = "A service account by that name already exists in the company")
    public Uni<Response> create(@PathParam("companyId") UUID companyId,
            @Valid @NotNull(message = "a JSON body is required") ClientRequests.Create request, UriInfo uri) {
        caller.requireCompanyAdmin(companyId);
        return registration.create(ClientOwner.company(companyId), request, caller.actor())
                .map(created -> Response.created(uri.getAbsolutePathBuilder().path(created.clientId()).build())
                        .header("Cache-Control", "no-store").entity(created).build());
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "service_accounts.read")
    @Operation(summary = "List the company's service accounts (no secrets)")
    public Uni<Page<ClientView>> list(@PathParam("companyId") UUID companyId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        caller.requireCompanyAdmin(companyId);
        return registration.list(ClientOwner.company(companyId), PageRequest.of(limit, cursor));
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "service_accounts.read")
    @Path("/{clientId}")
    @Operation(summary = "One service account, with its secrets' ids and dates (never the secrets)")
    public Uni<ClientView> get(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId) {
        caller.requireCompanyAdmin(companyId);
        return registration.get(ClientOwner.company(companyId), clientId);
    }

    @PATCH
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "service_accounts.admin")
    @Path("/{clientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change name, description, scopes or token lifetime")
    @APIResponse(responseCode = "409", description = "Another service account has that name")
    @APIResponseSchema(value = ClientView.class, responseDescription = "The client")
    public Uni<ClientView> update(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId,
            @Valid @NotNull(message = "a JSON body is required") ClientRequests.Update patch) {
        caller.requireCompanyAdmin(companyId);
        return registration.update(ClientOwner.company(companyId), clientId, patch, caller.actor());
    }

    @DELETE
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "service_accounts.admin")
    @Path("/{clientId}")
    @Operation(summary = "Delete a service account; its secrets and tokens stop working")
    @APIResponse(responseCode = "204", description = "Deleted; its tokens are revoked")
    @APIResponse(responseCode = "409",
            description = "The client belongs to a legacy service account: delete or migrate the account in "
            + "app-management (legacy-managed)")
    public Uni<Response> delete(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId) {
        caller.requireCompanyAdmin(companyId);
        return registration.delete(ClientOwner.company(companyId), clientId, caller.actor())
                .map(x -> Response.noContent().build());
    }

    @PUT
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "service_accounts.admin")
    @Path("/{clientId}/permissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit permissions: the company and project permissions of the account's directory user, "
            + "which its tokens are judged by (replaced as a whole)")
    @APIResponseSchema(value = ClientView.class, responseDescription = "The service account, with serviceAccount "
            + "holding its user and permissions")
    @APIResponse(responseCode = "400", description = "Unknown tools or levels, a company-level tool per project, a "
            + "project the company does not have, or admin on the Directory without acknowledgeHighRisk")
    @APIResponse(responseCode = "409", description = "A legacy service account's client: its permissions are set "
            + "in app-management-service")
    public Uni<ClientView> permissions(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId,
            @Valid @NotNull(message = "a JSON body is required") ClientRequests.Permissions request) {
        caller.requireCompanyAdmin(companyId);
        return permissions.replace(companyId, clientId, request, caller.actor());
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "service_accounts.admin")
    @Path("/{clientId}/secrets")
    @Operation(summary = "Rotate: add a secret (shown once); the current ones stay valid until the expiry chosen")
    @APIResponseSchema(value = ClientResponses.NewSecret.class, responseCode = "201",
            responseDescription = "The new secret, shown this once")
    @APIResponse(responseCode = "409", description = "The client already has the most live secrets it may hold")
    public Uni<Response> rotate(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId,
            @RequestBody(required = false) ClientRequests.Rotate request) {
        caller.requireCompanyAdmin(companyId);
        return secrets.rotate(ClientOwner.company(companyId), clientId,
                        request == null ? null : request.previousSecretsExpireAt(), caller.actor())
                .map(SecretResponses::created);
    }

    @DELETE
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "service_accounts.admin")
    @Path("/{clientId}/secrets/{secretId}")
    @Operation(summary = "Revoke one secret")
    public Uni<ClientView> revokeSecret(@PathParam("companyId") UUID companyId,
            @PathParam("clientId") String clientId, @PathParam("secretId") UUID secretId) {
        caller.requireCompanyAdmin(companyId);
        return secrets.revoke(ClientOwner.company(companyId), clientId, secretId, caller.actor());
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "service_accounts.admin")
    @Path("/{clientId}/regenerate-secret")
    @Operation(summary = "Revoke every secret at once and return a new one (shown once)")
    @APIResponseSchema(value = ClientResponses.NewSecret.class, responseCode = "201",
            responseDescription = "The new secret, shown this once; every other secret and token is revoked")
    public Uni<Response> regenerate(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId) {
        caller.requireCompanyAdmin(companyId);
        return secrets.regenerate(ClientOwner.company(companyId), clientId, caller.actor())
                .map(SecretResponses::created);
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "service_accounts.admin")
    @Path("/{clientId}/disable")
    @Operation(summary = "Disable: the client cannot authenticate and its tokens stop introspecting as active")
    public Uni<ClientView> disable(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId,
            @RequestBody(required = false) @Valid ClientRequests.Disable request) {
        caller.requireCompanyAdmin(companyId);
        return toggle.disable(ClientOwner.company(companyId), clientId, request == null ? null : request.reason(),
                caller.actor());
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "service_accounts.admin")
    @Path("/{clientId}/enable")
    @Operation(summary = "Enable a disabled service account")
    public Uni<ClientView> enable(@PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId) {
        caller.requireCompanyAdmin(companyId);
        return toggle.enable(ClientOwner.company(companyId), clientId, caller.actor());
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "service_accounts.admin")
    @Path("/{clientId}/revoke-tokens")
    @Operation(summary = "Revoke every token issued to this service account so far")
    public Uni<ClientView> revokeTokens(@PathParam("companyId") UUID companyId,
            @PathParam("clientId") String clientId) {
        caller.requireCompanyAdmin(companyId);
        return toggle.revokeTokens(ClientOwner.company(companyId), clientId, caller.actor());
    }
}
