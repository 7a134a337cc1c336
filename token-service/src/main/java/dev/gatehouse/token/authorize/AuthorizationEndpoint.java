package dev.gatehouse.token.authorize;

import dev.gatehouse.token.TokenConfig;
import dev.gatehouse.token.client.ClientCache;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.session.SessionCookie;
import dev.gatehouse.token.session.Sessions;
import dev.gatehouse.token.signin.Pages;
import dev.gatehouse.token.signin.ReturnTo;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The authorization endpoint (RFC 6749 §3.1, §4.1; OpenID Connect Core §3.1.2): a browser arrives from an
 * application; if it has a fresh enough sign-in session, it goes straight back with a code, otherwise through the
 * sign-in page first. Clients registered by the platform (first-party) are never asked for consent; apps acting for
 * the person go through {@link AppAuthorization} (installed in the company, consent) between the session check and
 * the code.
 */
@Path("/oauth2/authorize")
@PermitAll
@Tag(name = "OAuth 2.0")
@SecurityRequirementsSet
public class AuthorizationEndpoint {

    /** Parameters the sign-in detour takes off before coming back, so the request does not ask for it again. */
    private static final Set<String> FORCING = Set.of("prompt", "max_age", AuthorizationRequest.AUTH_AFTER);

    private final ClientCache clients;
    private final Sessions sessions;
    private final SessionCookie cookies;
    private final AuthorizationCodes codes;
    private final AppAuthorization apps;
    private final Pages pages;
    private final TokenConfig config;
    private final Clock clock;

    public AuthorizationEndpoint(ClientCache clients, Sessions sessions, SessionCookie cookies,
            AuthorizationCodes codes, AppAuthorization apps, Pages pages, TokenConfig config, Clock clock) {
        this.clients = clients;
        this.sessions = sessions;
        this.cookies = cookies;
        this.codes = codes;
        this.apps = apps;
        this.pages = pages;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Authorization request (authorization code flow with PKCE S256; OpenID Connect)")
    @APIResponse(responseCode = "302", description = "Back to the client's redirect URI with code, state and iss "
            + "(RFC 9207), or with error, error_description, state and iss (RFC 6749 §4.1.2.1)")
    @APIResponse(responseCode = "200", description = "The consent page, for an app acting for the person: what it "
            + "asks for that the person has not approved yet", content = @Content(mediaType = MediaType.TEXT_HTML,
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "303", description = "To the sign-in page first")
    @APIResponse(responseCode = "403", description = "A page: the app is not installed, or not active, in the "
            + "company the request names", content = @Content(mediaType = MediaType.TEXT_HTML,
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "An error page: the client or the redirect URI is unknown or "
            + "wrong, so nothing is sent to the redirect URI; a URL the HTTP layer refuses (a NUL in it) gets an "
            + "OAuth error body", content = {
                @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OAuthError"))})
    public Uni<Response> authorize(@Context UriInfo uri, @Context HttpHeaders headers) {
        Map<String, List<String>> query = uri.getQueryParameters();
        List<String> ids = query.get("client_id");
        String clientId = ids == null || ids.size() != 1 ? "" : ids.get(0);
        Uni<Optional<RegisteredClient>> client = clientId.isEmpty() || clientId.length() > 200
                ? Uni.createFrom().item(Optional.empty()) : clients.find(clientId);
        return client.chain(found -> {
            AuthorizationRequest.Target target = AuthorizationRequest.target(query, found);
            AuthorizationRequest request = AuthorizationRequest.parse(query, found.get(), target);
            return decide(request, uri, headers);
        }).onFailure(InvalidClientRequest.class).recoverWithItem(e -> pages.message(400,
                "This sign-in request cannot be used", e.getMessage(), "error"))
                .onFailure(AuthorizationError.class).recoverWithItem(e -> {
                    AuthorizationError error = (AuthorizationError) e;
                    return redirect(error.target().redirectUri(), Redirects.answer(error.target().state(),
                            config.issuer(), "error", error.error(), "error_description", error.getMessage()));
                });
    }

    private Uni<Response> decide(AuthorizationRequest request, UriInfo uri, HttpHeaders headers) {
        Instant now = clock.instant();
        if (request.authAfter().isPresent() && request.authAfter().get().isAfter(now.plusSeconds(60))) {
            // Only this server writes auth_after, as the time of a forced sign-in; one in the future would loop.
            throw new AuthorizationError(request.target(), "invalid_request", "auth_after is in the future");
        }
        String cookie = cookies.value(headers, SessionCookie.SESSION);
        return Panache.withSession(() -> sessions.current(cookie)).chain(current -> {
            boolean fresh = current.isPresent() && !mustSignIn(request, current.get().session().authTime, now);
            if (!fresh) {
                if (request.prompt().contains(AuthorizationRequest.PROMPT_NONE)) {
                    throw new AuthorizationError(request.target(), "login_required", "The person is not signed in");
                }
                return Uni.createFrom().item(toSignIn(request, uri, now));
            }
            if (request.client().isApp()) {
                return apps.decide(request, current.get().session(), uri.getRequestUri().getRawQuery(), headers);
            }
            if (!request.client().isFirstParty()) {
                // Only the platform's own applications sign people in without consent, and only apps have a consent
                // step; no other client is given the authorization_code grant.
                throw new AuthorizationError(request.target(), "unauthorized_client",
                        "Only first-party applications and installed apps may sign people in");
            }
            return codes.issue(request, current.get().session()).map(code -> redirect(
                    request.target().redirectUri(), Redirects.answer(request.target().state(), config.issuer(),
                            "code", code)));
        });
    }

    /** OpenID Connect Core §3.1.2.1: {@code prompt=login} and {@code max_age} ask for a fresh sign-in. */
    private static boolean mustSignIn(AuthorizationRequest request, Instant authTime, Instant now) {
        if (request.prompt().contains(AuthorizationRequest.PROMPT_LOGIN)
                || request.prompt().contains("select_account")) {
            return true;
        }
        if (request.maxAge().isPresent() && authTime.isBefore(now.minusSeconds(request.maxAge().get()))) {
            return true;
        }
        return request.authAfter().isPresent() && authTime.isBefore(request.authAfter().get());
    }

    /**
     * To the sign-in page, which sends the browser back here with the same request. A request that forced the
     * sign-in comes back with {@code auth_after} instead of {@code prompt}/{@code max_age}, so the new session
     * satisfies it and it does not loop.
     */
    private Response toSignIn(AuthorizationRequest request, UriInfo uri, Instant now) {
        boolean forcing = request.prompt().contains(AuthorizationRequest.PROMPT_LOGIN)
                || request.prompt().contains("select_account") || request.maxAge().isPresent()
                || request.authAfter().isPresent();
        StringBuilder back = new StringBuilder(ReturnTo.AUTHORIZE)
                .append(queryWithout(uri.getRequestUri().getRawQuery(), FORCING));
        if (forcing) {
            back.append('&').append(AuthorizationRequest.AUTH_AFTER).append('=').append(now.getEpochSecond());
        }
        StringBuilder signIn = new StringBuilder("/signin?return_to=")
                .append(URLEncoder.encode(back.toString(), StandardCharsets.UTF_8));
        request.loginHint().ifPresent(hint -> signIn.append("&login_hint=")
                .append(URLEncoder.encode(hint, StandardCharsets.UTF_8)));
        return Pages.secured(Response.seeOther(URI.create(signIn.toString()))).build();
    }

    /** The raw query string without the parameters named in {@code dropped}, the others kept as sent. */
    static String queryWithout(String raw, Set<String> dropped) {
        StringBuilder kept = new StringBuilder();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (!pair.isEmpty() && !dropped.contains(name)) {
                kept.append(kept.isEmpty() ? "" : "&").append(pair);
            }
        }
        return kept.toString();
    }

    static Response redirect(String redirectUri, Map<String, String> parameters) {
        return Pages.secured(Response.status(Response.Status.FOUND).location(Redirects.to(redirectUri, parameters)))
                .build();
    }
}
