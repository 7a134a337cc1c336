package dev.gatehouse.token.oidc;

import dev.gatehouse.token.client.ClientCache;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.session.SessionCookie;
import dev.gatehouse.token.session.Sessions;
import dev.gatehouse.token.signin.Csrf;
import dev.gatehouse.token.signin.Pages;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): an application sends the browser here to end the
 * person's Gatehouse session, the refresh tokens of every application it signed in to, and their access tokens
 * ({@link SignOut}). With a valid {@code id_token_hint} for the signed-in person it happens at once; without one
 * the person confirms first (§2: otherwise any site could sign them out). Afterwards the browser goes to a
 * registered {@code post_logout_redirect_uri} with {@code state}, or sees a "signed out" page.
 */
@Path("/oauth2/logout")
@PermitAll
@SecurityRequirementsSet
public class EndSessionEndpoint {

    private final IdTokens idTokens;
    private final ClientCache clients;
    private final Sessions sessions;
    private final SessionCookie cookies;
    private final SignOut signOut;
    private final Csrf csrf;
    private final Pages pages;

    public EndSessionEndpoint(IdTokens idTokens, ClientCache clients, Sessions sessions, SessionCookie cookies,
            SignOut signOut, Csrf csrf, Pages pages) {
        this.idTokens = idTokens;
        this.clients = clients;
        this.sessions = sessions;
        this.cookies = cookies;
        this.signOut = signOut;
        this.csrf = csrf;
        this.pages = pages;
    }

    /** Where the browser goes afterwards, checked against the client's registration. */
    private record After(Optional<RegisteredClient> client, String redirectUri, String state) {
    }

    /** A request this endpoint refuses with a page: it will not send the browser anywhere it cannot vouch for. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> logout(@QueryParam("id_token_hint") String idTokenHint,
            @QueryParam("client_id") String clientId,
            @QueryParam("post_logout_redirect_uri") String postLogoutRedirectUri, @QueryParam("state") String state,
            @Context HttpHeaders headers) {
        Optional<IdTokens.Hint> hint = idTokenHint == null ? Optional.empty() : idTokens.readHint(idTokenHint);
        if (idTokenHint != null && hint.isEmpty()) {
            return Uni.createFrom().item(refusal("The sign-out request carries an ID token Gatehouse did not issue."));
        }
        if (clientId != null && hint.isPresent() && !clientId.equals(hint.get().clientId())) {
            return Uni.createFrom().item(refusal("The sign-out request names two different applications."));
        }
        String client = clientId != null ? clientId : hint.map(IdTokens.Hint::clientId).orElse(null);
        return after(client, postLogoutRedirectUri, state).chain(after -> Panache.withSession(
                () -> sessions.current(cookies.value(headers, SessionCookie.SESSION))).chain(current -> {
                    if (current.isEmpty()) {
                        return Uni.createFrom().item(finish(after));
                    }
                    boolean vouched = hint.isPresent()
                            && hint.get().subject().equals(current.get().account().id.toString());
                    if (vouched) {
                        return signOut.end(current.get().session().id, current.get().account().id, "signed_out")
                                .map(x -> finish(after));
                    }
                    String token = csrf.token(headers);
                    return Uni.createFrom().item(pages.html(200, pages.signOut().data("csrf", token)
                            .data("appName", after.client().map(RegisteredClient::name).orElse(null))
                            .data("clientId", client).data("redirectUri", after.redirectUri())
                            .data("state", state), csrf.cookie(token)));
                }))
                .onFailure(Refused.class).recoverWithItem(e -> refusal(e.getMessage()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> confirm(@FormParam(Csrf.FIELD) String csrfToken, @FormParam("client_id") String clientId,
            @FormParam("post_logout_redirect_uri") String postLogoutRedirectUri, @FormParam("state") String state,
            @Context HttpHeaders headers) {
        clientId = blankToNull(clientId);
        postLogoutRedirectUri = blankToNull(postLogoutRedirectUri);
        state = blankToNull(state);
        if (!csrf.valid(headers, csrfToken)) {
            return Uni.createFrom().item(pages.message(400, "Sign-out not confirmed",
                    "This sign-out form expired or came from another site. You are still signed in.", "error"));
        }
        String cookie = cookies.value(headers, SessionCookie.SESSION);
        return after(clientId, postLogoutRedirectUri, state)
                .chain(after -> Panache.withSession(() -> sessions.current(cookie)).chain(current -> current.isEmpty()
                        ? Uni.createFrom().item(finish(after))
                        : signOut.end(current.get().session().id, current.get().account().id, "signed_out")
                                .map(x -> finish(after))))
                .onFailure(Refused.class).recoverWithItem(e -> refusal(e.getMessage()));
    }

    /** §3: the post-logout URI must be one the client registered, compared exactly; otherwise nowhere. */
    private Uni<After> after(String clientId, String redirectUri, String state) {
        if (clientId == null || clientId.length() > 200) {
            if (redirectUri != null) {
                return Uni.createFrom().failure(new Refused("The sign-out request does not say which application "
                        + "it comes from, so Gatehouse will not send you to the address it gives."));
            }
            return Uni.createFrom().item(new After(Optional.empty(), null, state));
        }
        return clients.find(clientId).map(client -> {
            if (redirectUri != null && (client.isEmpty()
                    || !client.get().postLogoutRedirectUris().contains(redirectUri))) {
                throw new Refused("The address the application asked to send you to after signing out is not one "
                        + "it registered, so Gatehouse will not send you there.");
            }
            return new After(client, redirectUri, state);
        });
    }

    private Response finish(After after) {
        NewCookie clear = cookies.clear(SessionCookie.SESSION);
        if (after.redirectUri() == null) {
            return Response.fromResponse(pages.message(200, "Signed out", "You are signed out of Gatehouse.",
                    "info")).cookie(clear).build();
        }
        String target = after.redirectUri() + (after.state() == null ? ""
                : (after.redirectUri().contains("?") ? "&" : "?") + "state="
                        + URLEncoder.encode(after.state(), StandardCharsets.UTF_8));
        return pages.seeOther(URI.create(target), clear);
    }

    private Response refusal(String message) {
        return pages.message(400, "This sign-out request cannot be used", message, "error");
    }

    /** The confirmation form sends absent parameters as empty fields. */
    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
