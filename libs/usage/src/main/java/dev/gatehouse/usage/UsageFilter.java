package dev.gatehouse.usage;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.json.JsonString;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Counts every API call answered for a bearer token that is not a platform admin's (issue 14, "Recording"): the
 * company, the client, the installation, the person (for people's own tokens and apps acting for them), the project
 * the route names, the method, the route template, the status and the minute. Only a counter is touched per call;
 * {@link UsageFlush} publishes the counts. Calls without a bearer token (the OAuth endpoints, pages) and calls whose
 * token does not verify are not counted here.
 */
public class UsageFilter {

    static final String PLATFORM_ADMIN = "platform_admin";

    private final CallCounts counts;
    private final CurrentIdentityAssociation identities;
    private final UsageConfig config;
    private final Clock clock;

    public UsageFilter(CallCounts counts, CurrentIdentityAssociation identities, UsageConfig config, Clock clock) {
        this.counts = counts;
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
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().invoke(identity -> record(identity, request.getMethod(),
                RouteTemplates.of(resource.getResourceClass(), resource.getResourceMethod()), response.getStatus(),
                uri.getPathParameters().getFirst("projectId")))
                // A token that does not verify was answered 401 and is nobody's call to count.
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private void record(SecurityIdentity identity, String method, String route, int status, String projectId) {
        if (identity == null || identity.isAnonymous() || identity.hasRole(PLATFORM_ADMIN)
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        // A person's own token and an app's token for a person come from a sign-in grant (grant_id): sub is them.
        Optional<UUID> person = text(jwt, "grant_id").isPresent() ? uuid(jwt.getSubject()) : Optional.empty();
        counts.count(new CallCounts.Key(text(jwt, "company_id").flatMap(UsageFilter::uuid).orElse(null),
                text(jwt, "client_id").orElse(null), text(jwt, "installation_id").flatMap(UsageFilter::uuid)
                .orElse(null), person.orElse(null), uuid(projectId).orElse(null), method, route, status,
                clock.instant().truncatedTo(ChronoUnit.MINUTES)));
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
