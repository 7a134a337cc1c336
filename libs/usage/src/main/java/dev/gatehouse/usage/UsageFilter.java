package dev.gatehouse.usage;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.JsonString;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Counts every API call answered for a bearer token that is not a platform admin's (issue 14, "Recording"): the
 * company, the client, the installation, the person (for people's own tokens and apps acting for them), the project
 * the route names, the method, the route template, the status and the minute. Only a counter is touched per call;
 * {@link UsageFlush} publishes the counts. Calls without a bearer token (the OAuth endpoints, pages) and calls whose
 * token does not verify are not counted here.
 * <p>
 * The filter runs on every API call, so it reads the caller the route already established: with lazy authentication
 * Quarkus puts the identity on the routing context once something asked for it (the route's role check). Only a route
 * that never asked, with a bearer token on the call, makes the filter resolve the token itself and wait for it:
 * Quarkus REST suspends and resumes the request for every {@code Uni} a filter returns, even a resolved one, so the
 * filter returns none on the way every other call takes (docs/benchmarks.md, "Usage recording").
 */
public class UsageFilter {

    static final String PLATFORM_ADMIN = "platform_admin";

    /** Lets the filter chain go on at once: for any Uni, null-valued or not, Quarkus REST suspends the request. */
    private static final Uni<Void> NOTHING_TO_WAIT_FOR = null;

    private final CallCounts counts;
    private final CurrentVertxRequest routing;
    private final CurrentIdentityAssociation identities;
    private final UsageConfig config;
    private final Clock clock;

    public UsageFilter(CallCounts counts, CurrentVertxRequest routing, CurrentIdentityAssociation identities,
            UsageConfig config, Clock clock) {
        this.counts = counts;
        this.routing = routing;
        this.identities = identities;
        this.config = config;
        this.clock = clock;
    }

    @ServerResponseFilter
    public Uni<Void> count(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
            UriInfo uri) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (!config.enabled() || resource.getResourceMethod() == null || authorization == null
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return NOTHING_TO_WAIT_FOR;
        }
        String route = RouteTemplates.of(resource.getResourceClass(), resource.getResourceMethod());
        String method = request.getMethod();
        int status = response.getStatus();
        RoutingContext current = routing.getCurrent();
        if (current != null && current.user() instanceof QuarkusHttpUser user) {
            record(user.getSecurityIdentity(), method, route, status, uri);
            return NOTHING_TO_WAIT_FOR;
        }
        return identities.getDeferredIdentity().invoke(identity -> record(identity, method, route, status, uri))
                // A token that does not verify was answered 401 and is nobody's call to count.
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private void record(SecurityIdentity identity, String method, String route, int status, UriInfo uri) {
        if (identity == null || identity.isAnonymous() || identity.hasRole(PLATFORM_ADMIN)
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        // A person's own token and an app's token for a person come from a sign-in grant (grant_id): sub is them.
        Optional<UUID> person = text(jwt, "grant_id").isPresent() ? uuid(jwt.getSubject()) : Optional.empty();
        // Only routes that name a project build the path parameters.
        String projectId = route.contains("{projectId}") ? uri.getPathParameters().getFirst("projectId") : null;
        counts.count(new CallCounts.Key(text(jwt, "company_id").flatMap(UsageFilter::uuid).orElse(null),
                text(jwt, "client_id").orElse(null), text(jwt, "installation_id").flatMap(UsageFilter::uuid)
                .orElse(null), person.orElse(null), uuid(projectId).orElse(null), method, route, status,
                Instant.ofEpochSecond(Math.floorDiv(clock.millis(), 60_000L) * 60)));
    }

    private static Optional<String> text(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString json) {
            return Optional.of(json.getString());
        }
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
