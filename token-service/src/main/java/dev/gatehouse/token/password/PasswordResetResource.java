package dev.gatehouse.token.password;

import dev.gatehouse.token.account.AccountRepository;
import dev.gatehouse.token.account.PasswordHasher;
import dev.gatehouse.token.account.PasswordPolicy;
import dev.gatehouse.token.account.PasswordWork;
import dev.gatehouse.token.signin.Csrf;
import dev.gatehouse.token.signin.Pages;
import dev.gatehouse.token.throttle.SourceAddress;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import java.time.Duration;
import java.util.Optional;

/**
 * Forgotten passwords (browser pages, not in the OpenAPI document). {@code /password-reset} asks for an e-mail
 * address and always gives the same answer at once, whether or not an account has it: the link is made and sent
 * after the answer, so neither the page nor its timing tells (OWASP, "Forgot Password"). The link opens
 * {@code /password-reset/choose}, where a new password replaces the old and ends every session and token.
 */
@Path("/password-reset")
@PermitAll
@SecurityRequirementsSet
public class PasswordResetResource {

    static final String SENT = "If an account has this address, we sent it a link to choose a new password. The "
            + "link works for an hour. No e-mail? Check the address, and your spam folder.";

    private final PasswordResets resets;
    private final AccountRepository accounts;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final PasswordWork work;
    private final PasswordReplacement replacement;
    private final ResetRequestThrottle throttle;
    private final Csrf csrf;
    private final Pages pages;
    private final Template request;
    private final Template choose;

    public PasswordResetResource(PasswordResets resets, AccountRepository accounts, PasswordPolicy policy,
            PasswordHasher hasher, PasswordWork work, PasswordReplacement replacement, ResetRequestThrottle throttle,
            Csrf csrf, Pages pages, @Location("signin/password-reset.html") Template request,
            @Location("signin/password-choose.html") Template choose) {
        this.resets = resets;
        this.accounts = accounts;
        this.policy = policy;
        this.hasher = hasher;
        this.work = work;
        this.replacement = replacement;
        this.throttle = throttle;
        this.csrf = csrf;
        this.pages = pages;
        this.request = request;
        this.choose = choose;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response requestPage(@Context HttpHeaders headers) {
        String token = csrf.token(headers);
        return pages.html(200, request.data("csrf", token).data("error", null), csrf.cookie(token));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> requestReset(@FormParam("email") String email, @FormParam(Csrf.FIELD) String csrfToken,
            @Context HttpHeaders headers, @Context HttpServerRequest http) {
        String token = csrf.token(headers);
        if (!csrf.valid(headers, csrfToken)) {
            return Uni.createFrom().item(pages.html(400, request.data("csrf", token)
                    .data("error", "This form expired. Please try again."), csrf.cookie(token)));
        }
        if (email == null || email.isBlank() || email.length() > 254) {
            return Uni.createFrom().item(pages.html(400, request.data("csrf", token)
                    .data("error", "Enter the e-mail address of your account."), csrf.cookie(token)));
        }
        String address = SourceAddress.of(http);
        Optional<Duration> wait = throttle.retryAfter(email, address);
        if (wait.isPresent()) {
            return Uni.createFrom().item(pages.retryLater(429, "Too many requests",
                    "There were too many reset requests. Please wait a while before asking again.", wait.get()));
        }
        throttle.counted(email, address);
        // The lookup is one indexed read either way; the link and its e-mail come after the answer.
        return Panache.withSession(() -> accounts.byEmail(email)).map(account -> {
            if (account != null && account.isActive()) {
                resets.sendFor(account);
            }
            return pages.message(200, "Check your e-mail", SENT, "info");
        });
    }

    @GET
    @Path("/choose")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> choosePage(@QueryParam("token") String link, @Context HttpHeaders headers) {
        String token = csrf.token(headers);
        return resets.byLink(link).map(reset -> usable(reset).map(r -> pages.html(200,
                choose.data("csrf", token).data("token", link).data("minLength", PasswordPolicy.MIN_LENGTH)
                        .data("error", null), csrf.cookie(token))).orElseGet(() -> notUsable(reset)));
    }

    @POST
    @Path("/choose")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> choose(@FormParam("token") String link, @FormParam("password") String password,
            @FormParam("password_again") String again, @FormParam(Csrf.FIELD) String csrfToken,
            @Context HttpHeaders headers) {
        String token = csrf.token(headers);
        return resets.byLink(link).chain(found -> {
            Optional<PasswordReset> reset = usable(found);
            if (reset.isEmpty()) {
                return Uni.createFrom().item(notUsable(found));
            }
            String error = !csrf.valid(headers, csrfToken) ? "This form expired. Please try again."
                    : password == null || password.isEmpty() ? "Enter a new password."
                    : !password.equals(again) ? "The two passwords are not the same." : null;
            if (error != null) {
                return Uni.createFrom().item(choosePage(400, token, link, error));
            }
            return Panache.withSession(() -> accounts.findById(reset.get().accountId)).chain(account -> {
                Optional<String> refusal = policy.refusal(password, account.email);
                if (refusal.isPresent()) {
                    return Uni.createFrom().item(choosePage(400, token, link,
                            "This password cannot be used: " + refusal.get() + "."));
                }
                return work.run(() -> hasher.hash(password))
                        .chain(hash -> replacement.reset(account.id, hash, reset.get().id))
                        .map(x -> pages.message(200, "Password changed", "Your new password is set, and you are "
                                + "signed out everywhere. Sign in with it.", "info"))
                        .onFailure(PasswordReplacement.NotReplaced.class).recoverWithItem(() -> notUsable(found));
            });
        }).onFailure(PasswordWork.Busy.class).recoverWithItem(() -> pages.retryLater(503, "Busy",
                "Gatehouse is handling many sign-ins right now. Please try again in a moment.", Duration.ofSeconds(1)));
    }

    private Optional<PasswordReset> usable(Optional<PasswordReset> reset) {
        return reset.filter(r -> r.usable(resets.now()));
    }

    private Response notUsable(Optional<PasswordReset> reset) {
        if (reset.isPresent() && reset.get().usedAt != null) {
            return pages.message(410, "Link already used", "This reset link was used already. If you still cannot "
                    + "sign in, ask for a new link.", "error");
        }
        if (reset.isPresent()) {
            return pages.message(410, "Link expired", "This reset link has expired (links work for an hour). Ask "
                    + "for a new one on the sign-in page.", "error");
        }
        return pages.message(404, "Link not valid", "This reset link is not valid. Check that you opened the whole "
                + "link from the e-mail, or ask for a new one.", "error");
    }

    private Response choosePage(int status, String token, String link, String error) {
        return pages.html(status, choose.data("csrf", token).data("token", link)
                .data("minLength", PasswordPolicy.MIN_LENGTH).data("error", error), csrf.cookie(token));
    }
}
