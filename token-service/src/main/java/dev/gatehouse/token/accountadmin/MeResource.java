package dev.gatehouse.token.accountadmin;

import dev.gatehouse.token.account.AccountRepository;
import dev.gatehouse.token.accountadmin.AccountViews.AccountView;
import dev.gatehouse.token.accountadmin.AccountViews.SessionView;
import dev.gatehouse.token.oidc.PersonBearer;
import dev.gatehouse.token.oidc.SignOut;
import dev.gatehouse.token.session.Sessions;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.security.ApiSecurity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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

import java.util.List;
import java.util.UUID;

/**
 * {@code /me}: a person's own account and sign-in sessions, with a person's access token from this server (any
 * first-party application's). They see every session they have and end any of them; ending one ends the refresh
 * tokens of every application it signed in to, and their access tokens on every service.
 */
@Path("/me")
@PermitAll
@Tag(name = "Accounts")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private static final String READ = "account.read";
    private static final String WRITE = "account.write";

    private final PersonBearer bearer;
    private final AccountRepository accounts;
    private final Sessions sessions;
    private final SignOut signOut;
    private final ProfileChange profile;

    public MeResource(PersonBearer bearer, AccountRepository accounts, Sessions sessions, SignOut signOut,
            ProfileChange profile) {
        this.bearer = bearer;
        this.accounts = accounts;
        this.sessions = sessions;
        this.signOut = signOut;
        this.profile = profile;
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = READ)
    @Operation(summary = "Your account")
    @APIResponseSchema(value = AccountView.class, responseDescription = "The account the token is for")
    @APIResponse(responseCode = "401", description = "No access token of a person, or one that no longer stands")
    public Uni<Response> me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        // An app acting for the person may read the account (with account.read), as userinfo lets it.
        return bearer.serve(authorization, READ, false, person -> Panache.withSession(
                () -> accounts.findById(person.account().accountId())).map(a -> Response.ok(AccountView.of(a))
                .build()));
    }

    @PATCH
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your profile: the name Gatehouse shows and puts in your ID tokens")
    @APIResponseSchema(value = AccountView.class, responseDescription = "The account, changed")
    @APIResponse(responseCode = "400", description = "No name, or a blank or too long one")
    @APIResponse(responseCode = "401", description = "No access token of a person, or one that no longer stands")
    @APIResponse(responseCode = "403", description = "An app acting for the person: only they may")
    public Uni<Response> changeProfile(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull(message = "a JSON body is required") ProfileChange.Request request) {
        return bearer.serve(authorization, WRITE, true, person -> profile.change(person.account().accountId(),
                request).map(view -> Response.ok(view).build()));
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = READ)
    @Path("/sessions")
    @Operation(summary = "Your live sign-in sessions, newest first; current marks the one this token came from")
    @APIResponseSchema(value = SessionView[].class, responseDescription = "The sessions")
    @APIResponse(responseCode = "401", description = "No access token of a person, or one that no longer stands")
    public Uni<Response> sessions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return bearer.serve(authorization, READ, true, person -> Panache.withSession(
                () -> sessions.liveOf(person.account().accountId())).map(list -> Response.ok(list.stream()
                .map(s -> SessionView.of(s, person.sessionId())).toList()).build()));
    }

    @DELETE
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = WRITE)
    @Path("/sessions/{sessionId}")
    @Operation(summary = "End one of your sessions (the current one too): sign-out of that browser everywhere")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "404", description = "Not one of your live sessions")
    @APIResponse(responseCode = "401", description = "No access token of a person, or one that no longer stands")
    public Uni<Response> end(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("sessionId") UUID sessionId) {
        return bearer.serve(authorization, WRITE, true, person -> {
            UUID accountId = person.account().accountId();
            return Panache.withSession(() -> sessions.liveOf(accountId)).chain(live -> {
                List<UUID> own = live.stream().map(s -> s.id).toList();
                if (!own.contains(sessionId)) {
                    // Another person's session is as unknown as one that does not exist.
                    throw ProblemException.notFound("Session", sessionId);
                }
                return signOut.end(sessionId, accountId, "ended_by_owner")
                        .map(x -> Response.noContent().build());
            });
        });
    }
}
