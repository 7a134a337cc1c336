package dev.gatehouse.token.signin;

import dev.gatehouse.token.account.AccountRepository;
import dev.gatehouse.token.secondfactor.SecondFactors;
import dev.gatehouse.token.secondfactor.SignInChallenges;
import dev.gatehouse.token.session.SessionCookie;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import java.net.URI;
import java.util.Optional;

/**
 * The second step of signing in for a person with a second factor (a browser page, not in the OpenAPI document):
 * a code from their authenticator app, or one of their recovery codes. A right one starts the session with
 * {@code amr} {@code pwd otp} (so ID tokens say {@code acr} {@code urn:gatehouse:acr:mfa}); five wrong ones end the
 * step, and each counts against the sign-in throttle like a wrong password.
 */
@Path(SecondFactorStep.PATH)
@PermitAll
@SecurityRequirementsSet
public class SecondFactorStep {

    public static final String PATH = "/signin/two-factor";

    private final SignInChallenges challenges;
    private final SecondFactors secondFactors;
    private final AccountRepository accounts;
    private final SessionStart sessionStart;
    private final SessionCookie cookies;
    private final SignInThrottle throttle;
    private final Csrf csrf;
    private final Pages pages;
    private final Template form;

    public SecondFactorStep(SignInChallenges challenges, SecondFactors secondFactors, AccountRepository accounts,
            SessionStart sessionStart, SessionCookie cookies, SignInThrottle throttle, Csrf csrf, Pages pages,
            @Location("signin/two-factor.html") Template form) {
        this.challenges = challenges;
        this.secondFactors = secondFactors;
        this.accounts = accounts;
        this.sessionStart = sessionStart;
        this.cookies = cookies;
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
        return challenges.find(cookies.value(headers, SessionCookie.CHALLENGE)).map(challenge -> challenge.isEmpty()
                ? startAgain() : pages.html(200, form.data("csrf", token).data("error", null), csrf.cookie(token)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> verify(@FormParam("code") String code, @FormParam(Csrf.FIELD) String csrfToken,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        String token = csrf.token(headers);
        String address = SourceAddress.of(request);
        return challenges.find(cookies.value(headers, SessionCookie.CHALLENGE)).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(startAgain());
            }
            SignInChallenges.Challenge challenge = found.get();
            if (!csrf.valid(headers, csrfToken)) {
                return Uni.createFrom().item(again(400, token, "This form expired. Please try again."));
            }
            return secondFactors.check(challenge.accountId(), code).chain(right -> {
                if (!right) {
                    return Panache.withSession(() -> accounts.findById(challenge.accountId()))
                            .invoke(a -> throttle.failed(a.email, address))
                            .call(() -> challenges.failed(challenge))
                            .map(a -> again(200, token, "That code is not right. Try the newest code from your "
                                    + "authenticator app, or a recovery code."));
                }
                return challenges.passed(challenge)
                        .chain(() -> Panache.withSession(() -> accounts.findById(challenge.accountId())))
                        .chain(account -> account == null || !account.isActive() ? Uni.createFrom().item(startAgain())
                                : sessionStart.start(account, "pwd otp", ReturnTo.valid(challenge.returnTo()),
                                        request.getHeader(HttpHeaders.USER_AGENT), address,
                                        cookies.clear(SessionCookie.CHALLENGE)));
            });
        });
    }

    private Response again(int status, String token, String error) {
        return pages.html(status, form.data("csrf", token).data("error", error), csrf.cookie(token));
    }

    /** No live step (expired, too many wrong codes, or none at all): back to the password. */
    private Response startAgain() {
        return pages.seeOther(URI.create("/signin"), cookies.clear(SessionCookie.CHALLENGE));
    }
}
