package dev.gatehouse.web.security;

import dev.gatehouse.events.permission.Scope;
import dev.gatehouse.events.permission.ScopeCatalogue;
import dev.gatehouse.web.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.List;

/**
 * Whether a token's {@code scope} claim covers the scope an operation needs, and the answer when it does not: 403
 * with RFC 6750 §3.1's {@code insufficient_scope} challenge naming the scope, and a problem body. Used by
 * {@link ScopeFilter} for every operation, and by the few that verify their bearer token themselves.
 */
public final class ScopeCheck {

    private ScopeCheck() {
    }

    /** Null when {@code scopeClaim} (space-separated) covers {@code needed}; the refusal otherwise. */
    public static Response refusalUnlessCovered(String scopeClaim, Scope needed) {
        List<String> granted = scopeClaim == null ? List.of() : Arrays.asList(scopeClaim.split(" "));
        if (ScopeCatalogue.covers(granted, needed)) {
            return null;
        }
        // RFC 6750 §3.1: the request needs higher privileges than the token provides; scope says which.
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\""
                        + needed.name() + "\"")
                .entity(new Problem(Problem.TYPE_BASE + "insufficient-scope", "Insufficient scope", 403,
                        "This needs the scope " + needed.name() + " (or a higher level of " + needed.tool()
                                + "), which your token does not carry", List.of())).build();
    }

    /** As {@link #refusalUnlessCovered(String, Scope)}, for a catalogue scope named in code. */
    public static Response refusalUnlessCovered(String scopeClaim, String needed) {
        return refusalUnlessCovered(scopeClaim, ScopeCatalogue.byName(needed).orElseThrow(
                () -> new IllegalArgumentException("not a catalogue scope: " + needed)));
    }
}
