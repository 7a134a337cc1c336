package dev.gatehouse.people;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Gives a person's token the company role its holder has now (docs/security.md, "People in companies"). A person's
 * token (token-service's sign-in grants: it has a {@code grant_id}) names at most the company it acts in
 * ({@code company_id}) and carries no company role of its own: the role is looked up here, in memory, from
 * {@link PeopleFeed}, on every request. Any company role such a token claims is ignored, so only the directory's
 * current word counts.
 */
@ApplicationScoped
public class PersonRolesAugmentor implements SecurityIdentityAugmentor {

    /** The roles that only the directory can give a person. */
    static final Set<String> COMPANY_ROLES = Set.of("company_admin", "company_member");

    private final PeopleFeed feed;

    public PersonRolesAugmentor(PeopleFeed feed) {
        this.feed = feed;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || text(jwt.getClaim("grant_id")).isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        Optional<String> role = text(jwt.getClaim("company_id")).flatMap(PersonRolesAugmentor::uuid)
                .flatMap(company -> uuid(jwt.getSubject()).flatMap(account -> feed.companyRole(company, account)));
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission);
        identity.getRoles().stream().filter(r -> !COMPANY_ROLES.contains(r)).forEach(builder::addRole);
        role.ifPresent(builder::addRole);
        return Uni.createFrom().item(builder.build());
    }

    private static Optional<String> text(Object claim) {
        if (claim instanceof JsonString json) {
            return Optional.of(json.getString());
        }
        return claim == null ? Optional.empty() : Optional.of(claim.toString());
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
