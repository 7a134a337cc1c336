package dev.gatehouse.token.twofactor;

import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.secondfactor.QrSvg;
import dev.gatehouse.token.secondfactor.SecondFactors;
import dev.gatehouse.token.signin.Csrf;
import dev.gatehouse.token.signin.Pages;
import dev.gatehouse.token.signin.SignedInBrowser;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
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

import java.util.List;
import java.util.function.Function;

/**
 * {@code /account/two-factor}: a signed-in person turns their second factor on (scan the QR code or type the key
 * into an authenticator app, confirm with a code, keep the ten recovery codes shown once) or off (with a code).
 * Browser pages, not in the OpenAPI document.
 */
@Path("/account/two-factor")
@PermitAll
@SecurityRequirementsSet
public class TwoFactorResource {

    private final SignedInBrowser browser;
    private final SecondFactors factors;
    private final Csrf csrf;
    private final Pages pages;
    private final Template enrol;
    private final Template enabled;
    private final Template codes;

    public TwoFactorResource(SignedInBrowser browser, SecondFactors factors, Csrf csrf, Pages pages,
            @Location("signin/two-factor-enrol.html") Template enrol,
            @Location("signin/two-factor-on.html") Template enabled,
            @Location("signin/two-factor-codes.html") Template codes) {
        this.browser = browser;
        this.factors = factors;
        this.csrf = csrf;
        this.pages = pages;
        this.enrol = enrol;
        this.enabled = enabled;
        this.codes = codes;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> page(@Context HttpHeaders headers) {
        String token = csrf.token(headers);
        return signedIn(headers, account -> factors.enabled(account.id).chain(on -> on
                ? onPage(account, token, null, 200) : enrolPage(account, token, null, 200)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> confirm(@FormParam("code") String code, @FormParam(Csrf.FIELD) String csrfToken,
            @Context HttpHeaders headers) {
        String token = csrf.token(headers);
        return signedIn(headers, account -> {
            if (!csrf.valid(headers, csrfToken)) {
                return enrolPage(account, token, "This form expired. Please scan the new code and try again.", 400);
            }
            return factors.confirm(account.id, code).chain(recovery -> recovery.isEmpty()
                    ? enrolPage(account, token, "That code is not right. Scan the new code and enter the code your "
                            + "app shows for it.", 400)
                    : Uni.createFrom().item(shown(recovery.get(), token)));
        });
    }

    @POST
    @Path("/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> disable(@FormParam("code") String code, @FormParam(Csrf.FIELD) String csrfToken,
            @Context HttpHeaders headers) {
        String token = csrf.token(headers);
        return signedIn(headers, account -> {
            if (!csrf.valid(headers, csrfToken)) {
                return onPage(account, token, "This form expired. Please try again.", 400);
            }
            return factors.check(account.id, code).chain(right -> right
                    ? factors.disable(account.id).map(x -> pages.message(200, "Two-factor sign-in is off",
                            "You sign in with your password only now. You can turn it on again at any time.",
                            "info"))
                    : onPage(account, token, "That code is not right.", 200));
        });
    }

    private Uni<Response> signedIn(HttpHeaders headers, Function<Account, Uni<Response>> then) {
        return browser.account(headers).chain(account -> account.isEmpty()
                ? Uni.createFrom().item(browser.signInFirst("set up two-factor sign-in")) : then.apply(account.get()));
    }

    /** A fresh key each time the page is shown: one never confirmed is worth nothing and is replaced. */
    private Uni<Response> enrolPage(Account account, String token, String error, int status) {
        return factors.enrol(account.id, account.email).chain(enrolment -> enrolment.isEmpty()
                // Turned on meanwhile (another tab): show that instead of a new key.
                ? onPage(account, token, null, 200)
                : Uni.createFrom().item(pages.html(status, enrol.data("csrf", token)
                        .data("secret", enrolment.get().secret()).data("qr", QrSvg.of(enrolment.get().uri()))
                        .data("error", error), csrf.cookie(token))));
    }

    private Uni<Response> onPage(Account account, String token, String error, int status) {
        return factors.recoveryCodesLeft(account.id).map(left -> pages.html(status, enabled.data("csrf", token)
                .data("codesLeft", left).data("error", error), csrf.cookie(token)));
    }

    private Response shown(List<String> recovery, String token) {
        return pages.html(200, codes.data("codes", recovery), csrf.cookie(token));
    }
}
