package dev.gatehouse.console.home;

import dev.gatehouse.console.web.ErrorPages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Signing out: the layout's form posts here (CSRF-checked like every form), which hands over to quarkus-oidc's logout
 * path; that ends the console session and sends the browser through token-service's RP-initiated logout, which ends
 * the person's Gatehouse session too, and back to the signed-out page.
 */
@Path("/")
public class SignedOutResource {

    private final Template signedOut;
    private final ErrorPages errors;

    public SignedOutResource(@Location("signed-out.html") Template signedOut, ErrorPages errors) {
        this.signedOut = signedOut;
        this.errors = errors;
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        return Response.seeOther(URI.create("/signout")).build();
    }

    /**
     * Where token-service's refusal of a sign-in lands (RFC 6749 §4.1.2.1: {@code access_denied},
     * {@code login_required}, …): said in plain words, with the way back.
     */
    @GET
    @Path("signin/error")
    public Response signInError(@QueryParam("error") String error) {
        String detail = "access_denied".equals(error) ? "The sign-in was cancelled."
                : "Gatehouse did not complete the sign-in" + (error == null ? "." : " (" + error + ").");
        return errors.page(400, "You are not signed in", detail + " Try again from the start page.");
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }
}
