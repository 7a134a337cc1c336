package dev.gatehouse.token.password;

import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.account.Credentials;
import dev.gatehouse.token.account.PasswordHasher;
import dev.gatehouse.token.account.PasswordPolicy;
import dev.gatehouse.token.account.PasswordWork;
import dev.gatehouse.token.session.SessionCookie;
import dev.gatehouse.token.signin.Csrf;
import dev.gatehouse.token.signin.Pages;
import dev.gatehouse.token.signin.SignInThrottle;
import dev.gatehouse.token.signin.SignedInBrowser;
import dev.gatehouse.token.throttle.SourceAddress;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code /account/password}: a signed-in person changes their password (a browser page, not in the OpenAPI
 * document). The current password is required, checked and throttled like a sign-in; the new one follows the
 * password rules. Changing it signs the person out everywhere, this browser included: they sign in again with the
 * new password.
 */
@Path("/account/password")
@PermitAll
@SecurityRequirementsSet
public class PasswordChangeResource {

    private final SignedInBrowser browser;
    private final SessionCookie cookies;
    private final Credentials credentials;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final PasswordWork work;
    private final PasswordReplacement replacement;
    private final SignInThrottle throttle;
    private final Csrf csrf;
    private final Pages pages;
    private final Template form;

    public PasswordChangeResource(SignedInBrowser browser, SessionCookie cookies, Credentials credentials,
            PasswordPolicy policy, PasswordHasher hasher, PasswordWork work, PasswordReplacement replacement,
            SignInThrottle throttle, Csrf csrf, Pages pages, @Location("signin/password-change.html") Template form) {
        this.browser = browser;
        this.cookies = cookies;
        this.credentials = credentials;
        this.policy = policy;
        this.hasher = hasher;
        this.work = work;
        this.replacement = replacement;
        this.throttle = throttle;
        this.csrf = csrf;
        this.pages = pages;
        this.form = form;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> page(@Context HttpHeaders headers) {
        String token = csrf.token(headers);
        return signedIn(headers).map(account -> account.map(a -> pages.html(200, form(a, token, null),
                csrf.cookie(token))).orElseGet(this::signInFirst));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> change(@FormParam("current_password") String current, @FormParam("password") String password,
            @FormParam("password_again") String again, @FormParam(Csrf.FIELD) String csrfToken,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        String token = csrf.token(headers);
        String address = SourceAddress.of(request);
        return signedIn(headers).chain(signedIn -> {
            if (signedIn.isEmpty()) {
                return Uni.createFrom().item(signInFirst());
            }
            Account account = signedIn.get();
            if (!csrf.valid(headers, csrfToken)) {
                return again(account, token, 400, "This form expired. Please try again.");
            }
            if (current == null || current.isEmpty() || password == null || password.isEmpty()) {
                return again(account, token, 400, "Enter your current password and a new one.");
            }
            if (!password.equals(again)) {
                return again(account, token, 400, "The two new passwords are not the same.");
            }
            Optional<String> refusal = policy.refusal(password, account.email);
            if (refusal.isPresent()) {
                return again(account, token, 400, "This password cannot be used: " + refusal.get() + ".");
            }
            Optional<Duration> wait = throttle.retryAfter(account.email, address);
            if (wait.isPresent()) {
                return Uni.createFrom().item(pages.retryLater(429, "Too many attempts", "There were too many "
                        + "wrong passwords. Please wait a moment before trying again.", wait.get()));
            }
            return credentials.verify(account.email, current).chain(verdict -> {
                if (verdict.account().isEmpty()) {
                    throttle.failed(account.email, address);
                    return again(account, token, 200, "Your current password is not right.");
                }
                throttle.succeeded(account.email, address);
                return work.run(() -> hasher.hash(password))
                        .chain(hash -> replacement.changed(account.id, hash))
                        .map(x -> pages.html(200, pages.messagePage("Password changed", "Your password is changed, "
                                + "and you are signed out everywhere. Sign in again with the new password.", "info"),
                                cookies.clear(SessionCookie.SESSION)));
            });
        }).onFailure(PasswordWork.Busy.class).recoverWithItem(() -> pages.retryLater(503, "Busy",
                "Gatehouse is handling many sign-ins right now. Please try again in a moment.", Duration.ofSeconds(1)));
    }

    private Uni<Optional<Account>> signedIn(HttpHeaders headers) {
        return browser.account(headers);
    }

    private Response signInFirst() {
        return browser.signInFirst("change your password (if you forgot it, reset it from the sign-in page)");
    }

    private Uni<Response> again(Account account, String token, int status, String error) {
        return Uni.createFrom().item(pages.html(status, form(account, token, error), csrf.cookie(token)));
    }

    private TemplateInstance form(Account account, String token, String error) {
        return form.data("csrf", token).data("email", account.email).data("minLength", PasswordPolicy.MIN_LENGTH)
                .data("error", error);
    }
}
