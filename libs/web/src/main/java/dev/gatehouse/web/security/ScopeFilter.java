package dev.gatehouse.web.security;

import dev.gatehouse.events.permission.Scope;
import dev.gatehouse.events.permission.ScopeCatalogue;
import dev.gatehouse.web.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scopes that mean something: before any operation runs for a token that is not a platform admin's, the token's
 * {@code scope} must cover the scope the operation declares ({@link ApiSecurity}); otherwise 403 with RFC 6750
 * §3.1's {@code insufficient_scope} challenge naming the scope needed. This is in addition to the caller's
 * permissions, which the operation checks itself: a token does what both its scope and its caller allow.
 * <p>
 * Fails closed: an operation that declares nothing refuses every non-platform token, so an endpoint added without
 * thinking about scopes cannot be reached with a narrow token (each service's architecture test also fails on it).
 * Requests without a token pass on to the operation's own authentication, which answers 401.
 */
public class ScopeFilter {

    /** What an operation declares, read once per resource method. */
    private record Declared(boolean open, boolean platformOnly, Optional<Scope> scope) {
        static final Declared NOTHING = new Declared(false, false, Optional.empty());
    }

    private static final Map<Method, Declared> DECLARED = new ConcurrentHashMap<>();

    private final CurrentIdentityAssociation identities;

    public ScopeFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    /**
     * Open operations are decided without the caller; for the others the identity is resolved without blocking
     * (token-service authenticates lazily, its OAuth endpoints take no bearer token). A null item lets the request
     * through.
     */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Response> check(ResourceInfo resource) {
        if (resource.getResourceMethod() == null) {
            return Uni.createFrom().nullItem();
        }
        Declared declared = DECLARED.computeIfAbsent(resource.getResourceMethod(), ScopeFilter::declaredBy);
        if (declared.open()) {
            return Uni.createFrom().nullItem();
        }
        // A token the security layer cannot verify is the operation's own business (it answers 401); token-service's
        // people's endpoints verify their bearer themselves and check the same scope (ScopeCheck).
        return identities.getDeferredIdentity().map(identity -> decide(identity, declared))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    private static Response decide(SecurityIdentity identity, Declared declared) {
        if (identity.isAnonymous() || identity.hasRole(Roles.PLATFORM_ADMIN)) {
            return null;
        }
        if (declared.platformOnly()) {
            return refuse("Only a platform admin may do this");
        }
        if (declared.scope().isEmpty()) {
            return refuse("This operation declares no scope, so only a platform admin's token may call it");
        }
        return ScopeCheck.refusalUnlessCovered(granted(identity), declared.scope().get());
    }

    /** The token's scopes: its space-separated {@code scope} claim (RFC 8693 §4.2, RFC 9068 §2.2.3). */
    private static String granted(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object scope = jwt.getClaim("scope");
            return scope instanceof JsonString json ? json.getString() : scope instanceof String s ? s : "";
        }
        return "";
    }

    static Declared declaredBy(Method method) {
        Declared onMethod = declaredOn(method.getAnnotation(SecurityRequirement.class),
                method.getAnnotation(SecurityRequirementsSet.class));
        return onMethod != Declared.NOTHING ? onMethod
                : declaredOn(method.getDeclaringClass().getAnnotation(SecurityRequirement.class),
                        method.getDeclaringClass().getAnnotation(SecurityRequirementsSet.class));
    }

    private static Declared declaredOn(SecurityRequirement requirement, SecurityRequirementsSet set) {
        if (requirement == null) {
            return set != null && set.value().length == 0 ? new Declared(true, false, Optional.empty())
                    : Declared.NOTHING;
        }
        if (requirement.name().equals(ApiSecurity.PLATFORM)) {
            return new Declared(false, true, Optional.empty());
        }
        if (!requirement.name().equals(ApiSecurity.BEARER)) {
            return Declared.NOTHING;
        }
        if (requirement.scopes().length == 0) {
            return new Declared(true, false, Optional.empty());
        }
        // A scope outside the catalogue is a programming error; failing closed (NOTHING) keeps it harmless.
        return ScopeCatalogue.byName(requirement.scopes()[0]).map(s -> new Declared(false, false, Optional.of(s)))
                .orElse(Declared.NOTHING);
    }

    private static Response refuse(String detail) {
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403, detail, List.of())).build();
    }
}
