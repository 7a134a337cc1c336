package dev.gatehouse.token.clientadmin;

import dev.gatehouse.token.clientadmin.ClientResponses.NewSecret;
import jakarta.ws.rs.core.Response;

/** The HTTP answer carrying a new secret: 201, and never stored by any cache on the way. */
final class SecretResponses {

    private SecretResponses() {
    }

    static Response created(NewSecret secret) {
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store").entity(secret).build();
    }
}
