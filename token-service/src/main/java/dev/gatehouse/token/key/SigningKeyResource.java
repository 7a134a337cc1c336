package dev.gatehouse.token.key;

import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.security.ApiSecurity;
import dev.gatehouse.web.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** {@code /signing-keys}: which keys exist, and rotation on demand (platform admin). */
@Path("/signing-keys")
@Authenticated
@Tag(name = "Signing keys")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = ApiSecurity.PLATFORM)
public class SigningKeyResource {

    /** A key's metadata; never the key material. */
    public record SigningKeyResponse(String kid, String algorithm, String status, Instant createdAt,
            Instant retiredAt) {
        static SigningKeyResponse of(SigningKey k) {
            return new SigningKeyResponse(k.kid, k.algorithm, k.status, k.createdAt, k.retiredAt);
        }
    }

    private final SigningKeyService keys;
    private final Caller caller;

    public SigningKeyResource(SigningKeyService keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List signing keys, newest first (platform admin)")
    public Uni<List<SigningKeyResponse>> list() {
        caller.requirePlatformAdmin();
        return keys.list().map(all -> all.stream()
                .sorted(Comparator.comparing((SigningKey k) -> k.createdAt).reversed())
                .map(SigningKeyResponse::of).toList());
    }

    @POST
    @Path("/rotate")
    @Operation(summary = "Rotate the signing key of one algorithm now (platform admin)")
    public Uni<SigningKeyResponse> rotate(@QueryParam("algorithm") String algorithm) {
        caller.requirePlatformAdmin();
        if (algorithm == null || !KeyPairs.supported(algorithm)) {
            throw ProblemException.invalid("algorithm", "must be one of " + KeyPairs.ALGORITHMS);
        }
        return keys.rotate(algorithm).call(keys::reload).map(SigningKeyResponse::of);
    }
}
