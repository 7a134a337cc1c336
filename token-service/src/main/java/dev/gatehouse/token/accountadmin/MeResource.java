package dev.gatehouse.token.accountadmin;

import dev.gatehouse.token.account.AccountRepository;
import dev.gatehouse.token.accountadmin.AccountViews.AccountView;
import dev.gatehouse.token.accountadmin.AccountViews.SessionView;
import dev.gatehouse.token.oidc.PersonBearer;
import dev.gatehouse.token.oidc.SignOut;
import dev.gatehouse.token.session.Sessions;
import dev.gatehouse.web.problem.Problem;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.ScopeCheck;
import io.quarkus.hibernate.reactive.panache.Panache;
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

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

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

    public MeResource(PersonBearer bearer, AccountRepository accounts, Sessions sessions, SignOut signOut) {
        this.bearer = bearer;
        this.accounts = accounts;
        this.sessions = sessions;
        this.signOut = signOut;
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = READ)
    @Operation(summary = "Your account")
    @APIResponseSchema(value = AccountView.class, responseDescription = "The account the token is for")
    @APIResponse(responseCode = "401", description = "No access token of a person, or one that no longer stands")
    public Uni<Response> me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return asPerson(authorization, READ, person -> Panache.withSession(
                () -> accounts.findById(person.account().accountId())).map(a -> Response.ok(AccountView.of(a))
                .build()));
    }

    @GET
    @SecurityRequirement(name = ApiSecurity.BEARER, scopes = READ)
    @Path("/sessions")
    @Operation(summary = "Your live sign-in sessions, newest first; current marks the one this token came from")
    @APIResponseSchema(value = SessionView[].class, responseDescription = "The sessions")
    @APIResponse(responseCode = "401", description = "No access token of a person, or one that no longer stands")
    public Uni<Response> sessions(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return asPerson(authorization, READ, person -> Panache.withSession(
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
        return asPerson(authorization, WRITE, person -> {
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

    /**
     * The person behind the token, if it is a person's token from this server that carries {@code scope}: this
     * resource verifies its bearer itself (people's tokens from this server), so it checks the scope its operations
     * declare itself too, as ScopeFilter does for the others.
     */
    private Uni<Response> asPerson(String authorization, String scope,
            Function<PersonBearer.Person, Uni<Response>> action) {
        return bearer.of(authorization).chain(person -> {
            if (person.isEmpty()) {
                return Uni.createFrom().item(unauthorized());
            }
            Response refused = ScopeCheck.refusalUnlessCovered(person.get().scope(), scope);
            return refused != null ? Uni.createFrom().item(refused) : action.apply(person.get());
        });
    }

    /** RFC 6750 §3.1, with the problem body every API error has. */
    private static Response unauthorized() {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .entity(new Problem(Problem.ABOUT_BLANK, "Unauthorized", 401,
                        "A person's valid access token from this server is required", List.of())).build();
    }
}
