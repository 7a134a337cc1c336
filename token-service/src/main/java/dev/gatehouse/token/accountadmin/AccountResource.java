package dev.gatehouse.token.accountadmin;

import dev.gatehouse.token.account.AccountRepository;
import dev.gatehouse.token.accountadmin.AccountViews.AccountView;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * {@code /accounts}: people's accounts, for platform admins. Disabling one ends its sessions, refresh tokens and
 * access tokens on every service at once; enabling lets it sign in again.
 */
@Path("/accounts")
@Authenticated
@Tag(name = "Accounts")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.PLATFORM)
public class AccountResource {

    private final AccountRepository accounts;
    private final AccountSwitch toggle;
    private final Caller caller;

    public AccountResource(AccountRepository accounts, AccountSwitch toggle, Caller caller) {
        this.accounts = accounts;
        this.toggle = toggle;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "List accounts, oldest first (cursor paging); never a password or a session")
    public Uni<Page<AccountView>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        caller.requirePlatformAdmin();
        PageRequest page = PageRequest.of(limit, cursor);
        return accounts.page(page).map(rows -> page.page(rows, a -> new PageRequest.Position(a.createdAt, a.id),
                AccountView::of));
    }

    @GET
    @Path("/{accountId}")
    @WithSession
    @Operation(summary = "One account")
    public Uni<AccountView> get(@PathParam("accountId") UUID accountId) {
        caller.requirePlatformAdmin();
        return accounts.findById(accountId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Account", accountId)).map(AccountView::of);
    }

    @POST
    @Path("/{accountId}/disable")
    @Operation(summary = "Disable: no sign-in; every session, refresh token and access token ends, on every service")
    @APIResponseSchema(value = AccountView.class, responseDescription = "The account, disabled")
    @APIResponse(responseCode = "409", description = "A person may not disable their own account")
    public Uni<AccountView> disable(@PathParam("accountId") UUID accountId,
            @RequestBody(required = false) @Valid AccountViews.Disable request) {
        caller.requirePlatformAdmin();
        if (caller.subject().equals(accountId.toString())) {
            throw ProblemException.of(409, "own-account", "Your own account",
                    "A platform admin cannot disable the account they are signed in with; ask another one.");
        }
        return toggle.disable(accountId, request == null ? null : request.reason(), caller.actor());
    }

    @POST
    @Path("/{accountId}/enable")
    @Operation(summary = "Enable a disabled account: it may sign in again; what it had before stays ended")
    @APIResponseSchema(value = AccountView.class, responseDescription = "The account, active")
    public Uni<AccountView> enable(@PathParam("accountId") UUID accountId) {
        caller.requirePlatformAdmin();
        return toggle.enable(accountId, caller.actor());
    }
}
