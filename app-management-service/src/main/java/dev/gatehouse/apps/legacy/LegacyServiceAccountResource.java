package dev.gatehouse.apps.legacy;

import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * {@code /companies/{companyId}/legacy-service-accounts}: the deprecated traditional model, for company admins
 * only. Every response carries {@code Deprecation} (RFC 9745) and every body {@code deprecated: true}.
 */
@Path("/companies/{companyId}/legacy-service-accounts")
@Authenticated
@DeprecatedApi
@Tag(name = "Legacy service accounts (deprecated)")
@Produces(MediaType.APPLICATION_JSON)
public class LegacyServiceAccountResource {

    private final LegacyServiceAccountService service;
    private final Caller caller;

    public LegacyServiceAccountResource(LegacyServiceAccountService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(deprecated = true, summary = "Create a legacy service account: a directory user with these "
            + "permissions and projects, and a company service account in token-service whose secret the admin then "
            + "gets there (admin)")
    @APIResponseSchema(value = LegacyServiceAccountResponse.class, responseCode = "201",
            responseDescription = "Created; Location names it")
    @APIResponse(responseCode = "409",
            description = "A legacy service account by that name already exists in the company")
    public Uni<Response> create(@PathParam("companyId") UUID companyId,
            @Valid @NotNull(message = "a JSON body is required") LegacyAccountRequest request, UriInfo uri) {
        caller.requireCompanyAdmin(companyId);
        return service.create(companyId, request, caller.actor())
                .map(a -> Response.created(uri.getAbsolutePathBuilder().path(a.id.toString()).build())
                        .entity(LegacyServiceAccountResponse.of(a)).build());
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.read")
    @Operation(deprecated = true, summary = "List the company's legacy service accounts, oldest first; "
            + "status=active|migrated|deleted filters (admin)")
    public Uni<Page<LegacyServiceAccountResponse>> list(@PathParam("companyId") UUID companyId,
            @QueryParam("status") String status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        caller.requireCompanyAdmin(companyId);
        LegacyAccountStatus filter = status(status);
        return service.list(companyId, filter, PageRequest.of(limit, cursor))
                .map(page -> page.map(LegacyServiceAccountResponse::of));
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.read")
    @Path("/{accountId}")
    @Operation(deprecated = true, summary = "A legacy service account (admin)")
    public Uni<LegacyServiceAccountResponse> get(@PathParam("companyId") UUID companyId,
            @PathParam("accountId") UUID accountId) {
        caller.requireCompanyAdmin(companyId);
        return service.get(companyId, accountId).map(LegacyServiceAccountResponse::of);
    }

    @PATCH
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Path("/{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(deprecated = true, summary = "Change an active account's permissions or projects by hand (admin)")
    @APIResponse(responseCode = "409", description = "The account is migrated, or another account has that name")
    @APIResponseSchema(value = LegacyServiceAccountResponse.class, responseDescription = "The legacy service account")
    public Uni<LegacyServiceAccountResponse> change(@PathParam("companyId") UUID companyId,
            @PathParam("accountId") UUID accountId,
            @Valid @NotNull(message = "a JSON body is required") LegacyAccountChange change) {
        caller.requireCompanyAdmin(companyId);
        return service.change(companyId, accountId, change, caller.actor()).map(LegacyServiceAccountResponse::of);
    }

    @DELETE
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Path("/{accountId}")
    @Operation(deprecated = true, summary = "Delete without migrating: its user is deactivated and its client "
            + "removed; the account stays for history (admin)")
    @APIResponse(responseCode = "204", description = "Deleted, and its client with it")
    @APIResponse(responseCode = "409", description = "The account is already migrated")
    public Uni<Response> delete(@PathParam("companyId") UUID companyId, @PathParam("accountId") UUID accountId) {
        caller.requireCompanyAdmin(companyId);
        return service.delete(companyId, accountId, caller.actor()).map(a -> Response.noContent().build());
    }

    @POST
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "app_management.admin")
    @Path("/{accountId}/migrate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the account onto an installation of an app: its projects become permitted projects, "
            + "its user and client are retired (admin)")
    @APIResponse(responseCode = "409",
            description = "The account is already migrated, the app needs more than the account had "
            + "(migration-adds-permissions), or the install is refused")
    @APIResponseSchema(value = MigrationResponse.class,
            responseDescription = "The migration: the new installation and what it replaced")
    public Uni<MigrationResponse> migrate(@PathParam("companyId") UUID companyId,
            @PathParam("accountId") UUID accountId,
            @Valid @NotNull(message = "a JSON body is required") MigrateCommand command) {
        caller.requireCompanyAdmin(companyId);
        return service.migrate(companyId, accountId, command, caller.actor())
                .map(LegacyServiceAccountService.Migrated::response);
    }

    private static LegacyAccountStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return LegacyAccountStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be active, migrated or deleted");
        }
    }
}
