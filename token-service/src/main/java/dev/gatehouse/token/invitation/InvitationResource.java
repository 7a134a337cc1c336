package dev.gatehouse.token.invitation;

import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.account.AccountRepository;
import dev.gatehouse.token.account.Credentials;
import dev.gatehouse.token.account.PasswordPolicy;
import dev.gatehouse.token.account.PasswordWork;
import dev.gatehouse.token.session.SessionCookie;
import dev.gatehouse.token.session.Sessions;
import dev.gatehouse.token.signin.Csrf;
import dev.gatehouse.token.signin.Pages;
import dev.gatehouse.token.signin.SignInThrottle;
import dev.gatehouse.token.throttle.SourceAddress;
import dev.gatehouse.web.problem.UniqueViolation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
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

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The page an invitation's link opens (a browser page, not in the OpenAPI document). A person without an account
 * sets a password; a person with one signs in with it; either way the invitation is taken and the browser signed
 * in. Every other case gets a page that says what happened and what to do: a link that is not ours, one taken
 * already, one replaced by a newer invitation, one expired, one for a disabled account.
 */
@Path(InvitationMail.PATH)
@PermitAll
@SecurityRequirementsSet
public class InvitationResource {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private final Invitations invitations;
    private final InvitationAcceptance acceptance;
    private final AccountRepository accounts;
    private final Credentials credentials;
    private final PasswordPolicy policy;
    private final SignInThrottle throttle;
    private final Csrf csrf;
    private final Pages pages;
    private final SessionCookie cookies;
    private final Template form;

    public InvitationResource(Invitations invitations, InvitationAcceptance acceptance, AccountRepository accounts,
            Credentials credentials, PasswordPolicy policy, SignInThrottle throttle, Csrf csrf, Pages pages,
            SessionCookie cookies, @Location("signin/invitation.html") Template form) {
        this.invitations = invitations;
        this.acceptance = acceptance;
        this.accounts = accounts;
        this.credentials = credentials;
        this.policy = policy;
        this.throttle = throttle;
        this.csrf = csrf;
        this.pages = pages;
        this.cookies = cookies;
        this.form = form;
    }

    /** What the link is for, and the form to take it. */
    private record Found(Invitation invitation, Account account) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> page(@QueryParam("token") String token, @Context HttpHeaders headers) {
        String csrfToken = csrf.token(headers);
        return find(token).map(found -> found.map(f -> blocked(f).orElseGet(
                () -> pages.html(200, page(f, token, csrfToken, null), csrf.cookie(csrfToken))))
                .orElseGet(this::notValid));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> accept(@FormParam("token") String token, @FormParam(Csrf.FIELD) String csrfToken,
            @FormParam("password") String password, @FormParam("password_again") String again,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        String fresh = csrf.token(headers);
        String address = SourceAddress.of(request);
        String userAgent = headers.getHeaderString(HttpHeaders.USER_AGENT);
        return find(token).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(notValid());
            }
            Found f = found.get();
            Optional<Response> blocked = blocked(f);
            if (blocked.isPresent()) {
                return Uni.createFrom().item(blocked.get());
            }
            if (!csrf.valid(headers, csrfToken)) {
                return again(f, token, fresh, 400, "This form expired. Please try again.");
            }
            if (password == null || password.isEmpty()) {
                return again(f, token, fresh, 400, "Enter a password.");
            }
            return f.account() == null ? signUp(f, token, fresh, password, again, userAgent, address)
                    : signIn(f, token, fresh, password, userAgent, address);
        }).onFailure(PasswordWork.Busy.class).recoverWithItem(() -> pages.retryLater(503, "Busy",
                "Gatehouse is handling many sign-ins right now. Please try again in a moment.", Duration.ofSeconds(1)));
    }

    private Uni<Response> signUp(Found f, String token, String fresh, String password, String again,
            String userAgent, String address) {
        Invitation i = f.invitation();
        if (!password.equals(again)) {
            return again(f, token, fresh, 400, "The two passwords are not the same.");
        }
        Optional<String> refusal = policy.refusal(password, i.email);
        if (refusal.isPresent()) {
            return again(f, token, fresh, 400, "This password cannot be used: " + refusal.get() + ".");
        }
        return acceptance.withNewAccount(i.id, i.email, i.name, password, userAgent, address)
                .map(started -> joined(i, started))
                .onFailure(InvitationAcceptance.Gone.class).recoverWithUni(() -> reread(token))
                .onFailure(UniqueViolation::is).recoverWithUni(() -> reread(token));
    }

    private Uni<Response> signIn(Found f, String token, String fresh, String password, String userAgent,
            String address) {
        Invitation i = f.invitation();
        Optional<Duration> wait = throttle.retryAfter(i.email, address);
        if (wait.isPresent()) {
            return Uni.createFrom().item(pages.retryLater(429, "Too many attempts",
                    "There were too many failed sign-ins. Please wait a moment before trying again.", wait.get()));
        }
        return credentials.verify(i.email, password).chain(verdict -> {
            if (verdict.account().isEmpty()) {
                throw new WrongPassword();
            }
            throttle.succeeded(i.email, address);
            return acceptance.withAccount(i.id, verdict.account().get(), userAgent, address);
        }).map(started -> joined(i, started))
                .onFailure(WrongPassword.class).recoverWithUni(() -> {
                    throttle.failed(i.email, address);
                    return again(f, token, fresh, 200, "The password is not right.");
                })
                .onFailure(InvitationAcceptance.Gone.class).recoverWithUni(() -> reread(token));
    }

    private static final class WrongPassword extends RuntimeException {
        WrongPassword() {
            super(null, null, false, false);
        }
    }

    private Uni<Optional<Found>> find(String token) {
        return Panache.withSession(() -> invitations.byLink(token).chain(invitation -> invitation.isEmpty()
                ? Uni.createFrom().item(Optional.<Found>empty())
                : accounts.byEmail(invitation.get().email).map(a -> Optional.of(new Found(invitation.get(), a)))));
    }

    /** The page for a link that cannot be taken (any more), if it cannot. */
    private Optional<Response> blocked(Found f) {
        Invitation i = f.invitation();
        switch (i.state(invitations.now())) {
            case ACCEPTED:
                return Optional.of(pages.message(410, "Invitation already accepted", "This invitation to "
                        + i.scopeName + " was accepted already. Sign in with " + i.email + ".", "info"));
            case SUPERSEDED:
                return Optional.of(pages.message(410, "A newer invitation was sent", "There is a newer invitation "
                        + "to " + i.scopeName + " for " + i.email + ". Use the link in the newest e-mail.", "error"));
            case EXPIRED:
                return Optional.of(pages.message(410, "Invitation expired", "This invitation to " + i.scopeName
                        + " expired on " + WHEN.format(i.expiresAt) + ". Ask an admin of " + i.scopeName
                        + " to invite you again.", "error"));
            default:
                break;
        }
        if (f.account() != null && !f.account().isActive()) {
            return Optional.of(pages.message(403, "Account disabled", "The Gatehouse account for " + i.email
                    + " is disabled, so it cannot join " + i.scopeName + ". Ask a platform admin about it.",
                    "error"));
        }
        return Optional.empty();
    }

    private Uni<Response> reread(String token) {
        return find(token).map(found -> found.flatMap(this::blocked).orElseGet(this::notValid));
    }

    private Response notValid() {
        return pages.message(404, "Invitation link not valid", "This invitation link is not valid. Check that you "
                + "opened the whole link from the e-mail, or ask an admin to invite you again.", "error");
    }

    private Uni<Response> again(Found f, String token, String fresh, int status, String error) {
        return Uni.createFrom().item(pages.html(status, page(f, token, fresh, error), csrf.cookie(fresh)));
    }

    private io.quarkus.qute.TemplateInstance page(Found f, String token, String csrfToken, String error) {
        Invitation i = f.invitation();
        return form.data("token", token).data("csrf", csrfToken).data("scopeName", i.scopeName)
                .data("email", i.email).data("name", i.name).data("hasAccount", f.account() != null)
                .data("minLength", PasswordPolicy.MIN_LENGTH).data("error", error);
    }

    private Response joined(Invitation i, Sessions.Started started) {
        NewCookie cookie = cookies.set(SessionCookie.SESSION, started.cookieValue(),
                Duration.between(started.session().createdAt, started.session().expiresAt), NewCookie.SameSite.LAX);
        return pages.html(200, pages.messagePage("Welcome to " + i.scopeName, "You joined " + i.scopeName
                + " and are signed in to Gatehouse as " + i.email + ".", "info"), cookie);
    }
}
