package dev.gatehouse.token.rp;

import dev.gatehouse.web.security.ApiSecurity;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdToken;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The relying party's pages: who is signed in (and with which access token), and where logout lands. */
// A signed-in person's pages, as the console's will be: any of their sessions may see them (ScopeFilter).
@SecurityRequirement(name = ApiSecurity.BEARER)
@Path("/rp")
public class RelyingPartyResource {

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    AccessTokenCredential accessToken;

    @GET
    @Path("me")
    @Authenticated
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String me() {
        return idToken.getSubject() + " " + idToken.getClaim("email") + " " + accessToken.getToken().hashCode();
    }

    @GET
    @Path("logout")
    @Authenticated
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String logout() {
        return "quarkus-oidc handles this path before it gets here";
    }

    @GET
    @Path("bye")
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String bye() {
        return "bye";
    }
}
