package dev.gatehouse.token.integration;

import dev.gatehouse.events.Actor;
import dev.gatehouse.token.authorize.Consents;
import dev.gatehouse.token.oidc.PersonBearer;
import dev.gatehouse.web.security.ApiSecurity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * A person's approved integrations (Canvas's user settings): the apps they authorized to act for them, per company,
 * listed and revoked with their own token (it verifies its bearer itself, like {@code /me}); an app acting for them
 * is refused. Revoking ends the app's refresh and access tokens for them there at once.
 */
@Path("/me/integrations")
@PermitAll
@Tag(name = "Approved integrations")
@Produces(MediaType.APPLICATION_JSON)
public class MyIntegrationsResource {

    private final PersonBearer bearer;
    private final Consents consents;
    private final IntegrationViews views;
    private final IntegrationRevocation revocation;

    public MyIntegrationsResource(PersonBearer bearer, Consents consents, IntegrationViews views,
            IntegrationRevocation revocation) {
        this.bearer = bearer;
        this.consents = consents;
        this.views = views;
        this.revocation = revocation;
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "account.read")
    @Operation(summary = "The apps you authorized to act for you, per company, with what you approved")
    @APIResponseSchema(value = IntegrationView[].class, responseDescription = "Newest approval first")
    @APIResponse(responseCode = "401", description = "No access token of a person, or one that no longer stands")
    @APIResponse(responseCode = "403", description = "The token lacks account.read, or an app holds it")
    public Uni<Response> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return bearer.serve(authorization, "account.read", true, person -> consents
                .ofAccount(person.account().accountId()).chain(list -> views.of(list, false))
                .map(list -> Response.ok(list).build()));
    }

    @DELETE
    @Path("/{companyId}/{clientId}")
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "account.write")
    @Operation(summary = "Revoke an app you authorized in a company: its tokens for you there stop at once")
    @APIResponse(responseCode = "204", description = "Revoked, or there was nothing to revoke (idempotent, as RFC 7009 "
            + "revocation is)")
    @APIResponse(responseCode = "401", description = "No access token of a person, or one that no longer stands")
    @APIResponse(responseCode = "403", description = "The token lacks account.write, or an app holds it")
    public Uni<Response> revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("companyId") UUID companyId, @PathParam("clientId") String clientId) {
        return bearer.serve(authorization, "account.write", true, person -> {
            UUID accountId = person.account().accountId();
            return revocation.revoke(accountId, clientId, companyId, new Actor(Actor.USER, accountId.toString()))
                    .map(revoked -> Response.noContent().build());
        });
    }
}
