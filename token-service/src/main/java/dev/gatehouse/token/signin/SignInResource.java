package dev.gatehouse.token.signin;

import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.account.Credentials;
import dev.gatehouse.token.account.PasswordWork;
import dev.gatehouse.token.client.ClientCache;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.secondfactor.SecondFactors;
import dev.gatehouse.token.secondfactor.SignInChallenges;
import dev.gatehouse.token.session.SessionCookie;
import dev.gatehouse.token.session.Sessions;
import dev.gatehouse.token.throttle.SourceAddress;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
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
import java.time.Duration;
import java.util.Optional;

/**
 * The sign-in page (no JavaScript needed; a browser page, so not in the OpenAPI document): e-mail and password,
 * CSRF-protected, throttled per address and per account. On success the browser gets a session cookie and goes
 * back to the authorization request that sent it here. A wrong password and an unknown address get the same
 * answer after the same work.
 */
@Path("/signin")
@PermitAll
@SecurityRequirementsSet
public class SignInResource {

    static final String WRONG = "The e-mail address or the password is not right.";

    private final Credentials credentials;
    private final Sessions sessions;
    private final SessionCookie cookies;
    private final SignInThrottle throttle;
    private final Csrf csrf;
    private final Pages pages;
    private final ClientCache clients;
    private final SignInEvents events;
    private final SecondFactors secondFactors;
    private final SignInChallenges challenges;
    private final SessionStart sessionStart;

    public SignInResource(Credentials credentials, Sessions sessions, SessionCookie cookies, SignInThrottle throttle,
            Csrf csrf, Pages pages, ClientCache clients, SignInEvents events, SecondFactors secondFactors,
            SignInChallenges challenges, SessionStart sessionStart) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.cookies = cookies;
        this.throttle = throttle;
        this.csrf = csrf;
        this.pages = pages;
        this.clients = clients;
        this.events = events;
        this.secondFactors = secondFactors;
        this.challenges = challenges;
        this.sessionStart = sessionStart;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> page(@QueryParam("return_to") String returnTo, @QueryParam("login_hint") String loginHint,
            @Context HttpHeaders headers) {
        Optional<String> target = ReturnTo.valid(returnTo);
        if (target.isEmpty()) {
            String cookie = cookies.value(headers, SessionCookie.SESSION);
            return Panache.withSession(() -> sessions.current(cookie)).map(current -> {
                String token = csrf.token(headers);
                if (current.isPresent()) {
                    return pages.html(200, pages.signedIn().data("email", current.get().account().email)
                            .data("csrf", token), csrf.cookie(token));
                }
                return pages.html(200, form(token, null, Optional.empty(), null, hint(loginHint)),
                        csrf.cookie(token));
            });
        }
        return appName(target.get()).map(app -> {
            String token = csrf.token(headers);
            return pages.html(200, form(token, target.get(), app, null, hint(loginHint)), csrf.cookie(token));
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> signIn(@FormParam("email") String email, @FormParam("password") String password,
            @FormParam(Csrf.FIELD) String csrfToken, @FormParam("return_to") String returnTo,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Optional<String> target = ReturnTo.valid(returnTo);
        String address = SourceAddress.of(request);
        String token = csrf.token(headers);
        if (!csrf.valid(headers, csrfToken)) {
            // The form is stale (the cookie expired or was cleared) or was posted from another site: a fresh form.
            return appName(target.orElse(null)).map(app -> pages.html(400, form(token, target.orElse(null), app,
                    "Your sign-in form expired. Please try again.", email), csrf.cookie(token)));
        }
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            return appName(target.orElse(null)).map(app -> pages.html(400, form(token, target.orElse(null), app,
                    "Enter your e-mail address and your password.", email), csrf.cookie(token)));
        }
        Optional<Duration> wait = throttle.retryAfter(email, address);
        if (wait.isPresent()) {
            return Uni.createFrom().item(pages.retryLater(429, "Too many attempts",
                    "There were too many failed sign-ins. Please wait a moment before trying again.", wait.get()));
        }
        return credentials.verify(email, password)
                .chain(verdict -> verdict.account().isEmpty() ? failed(email, address, target, token, verdict)
                        : succeeded(verdict.account().get(), email, address, target, headers))
                .onFailure(PasswordWork.Busy.class).recoverWithItem(() -> pages.retryLater(503, "Busy",
                        "Gatehouse is handling many sign-ins right now. Please try again in a moment.",
                        Duration.ofSeconds(1)));
    }

    private Uni<Response> failed(String email, String address, Optional<String> target, String token,
            Credentials.Verdict verdict) {
        throttle.failed(email, address);
        Uni<Void> recorded = verdict.failedAccount().isEmpty() ? Uni.createFrom().voidItem()
                : events.failed(verdict.failedAccount().get(), verdict.reason(), address);
        return recorded.chain(() -> appName(target.orElse(null))).map(app -> pages.html(200,
                form(token, target.orElse(null), app, WRONG, email), csrf.cookie(token)));
    }

    /**
     * The password was right. With a second factor, the browser gets a short-lived challenge cookie and goes to the
     * code page ({@link SecondFactorStep}); without, the session starts now.
     */
    private Uni<Response> succeeded(Account account, String email, String address, Optional<String> target,
            HttpHeaders headers) {
        throttle.succeeded(email, address);
        String userAgent = headers.getHeaderString(HttpHeaders.USER_AGENT);
        return secondFactors.enabled(account.id).chain(required -> required
                ? challenges.start(account.id, target.orElse(null), userAgent, address).map(value -> pages.seeOther(
                        URI.create(SecondFactorStep.PATH), cookies.set(SessionCookie.CHALLENGE, value,
                                SignInChallenges.LIFETIME, NewCookie.SameSite.STRICT)))
                : sessionStart.start(account, "pwd", target, userAgent, address));
    }

    private TemplateInstance form(String token, String returnTo, Optional<String> app, String error, String email) {
        return pages.signIn().data("csrf", token).data("returnTo", returnTo).data("appName", app.orElse(null))
                .data("companyName", null).data("error", error).data("email", email);
    }

    /** The name of the application the authorization request is for, to show on the page. */
    private Uni<Optional<String>> appName(String returnTo) {
        Optional<String> clientId = returnTo == null ? Optional.empty() : ReturnTo.clientId(returnTo);
        if (clientId.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return clients.find(clientId.get()).map(c -> c.filter(RegisteredClient::enabled).map(RegisteredClient::name));
    }

    private static String hint(String loginHint) {
        return loginHint != null && loginHint.length() <= 254 ? loginHint : null;
    }
}
