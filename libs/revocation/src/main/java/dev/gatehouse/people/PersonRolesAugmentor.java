package dev.gatehouse.people;

import dev.gatehouse.events.apps.DeveloperRoleChanged;
import dev.gatehouse.web.security.Caller;
import dev.gatehouse.web.security.Roles;
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
 * Gives a person's token the roles its holder has now (docs/security.md, "People in companies"). A person's token
 * (token-service's sign-in grants: it has a {@code grant_id}) names at most the company ({@code company_id}) or the
 * developer organization ({@code developer_org_id}) it acts in, and carries no such role of its own: the role is
 * looked up here, in memory, from {@link PeopleFeed}, on every request: {@code company_admin} or
 * {@code company_member}; {@code developer}, plus {@code developer_org_owner} for an owner. Any of these roles such
 * a token claims is ignored, so only the directory's and app-management's current word counts. A company that
 * requires a second factor of its admins gets, from an admin whose token says no second factor was used
 * ({@code acr}), a member.
 */
@ApplicationScoped
public class PersonRolesAugmentor implements SecurityIdentityAugmentor {

    /** The roles that only the people feed can give a person. */
    static final Set<String> LIVE_ROLES = Set.of(Roles.COMPANY_ADMIN, Roles.COMPANY_MEMBER, Roles.DEVELOPER,
            Roles.DEVELOPER_ORG_OWNER);

    /** token-service's acr for a sign-in with a second factor (its IdTokens.ACR_SECOND_FACTOR). */
    static final String SECOND_FACTOR_ACR = "urn:gatehouse:acr:mfa";

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
        Optional<UUID> account = uuid(jwt.getSubject());
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission);
        identity.getRoles().stream().filter(r -> !LIVE_ROLES.contains(r)).forEach(builder::addRole);
        // An app acting for a person gets none of the person's roles: it goes by the intersection of the person's
        // and its app user's permissions, which the directory judges (docs/security.md, "Apps acting for people").
        if (account.isPresent() && !identity.hasRole(Roles.DELEGATED_APP)) {
            text(jwt.getClaim("company_id")).flatMap(PersonRolesAugmentor::uuid)
                    .flatMap(company -> feed.companyRole(company, account.get())).ifPresent(role -> {
                        boolean withSecondFactor = SECOND_FACTOR_ACR.equals(text(jwt.getClaim("acr")).orElse(null));
                        if (Roles.COMPANY_ADMIN.equals(role.role()) && role.secondFactorRequired()
                                && !withSecondFactor) {
                            // The company asks its admins for a second factor: without one, a member's rights.
                            builder.addRole(Roles.COMPANY_MEMBER);
                            builder.addAttribute(Caller.NEEDS_SECOND_FACTOR, Boolean.TRUE);
                        } else {
                            builder.addRole(role.role());
                        }
                    });
            text(jwt.getClaim("developer_org_id")).flatMap(PersonRolesAugmentor::uuid)
                    .flatMap(org -> feed.developerRole(org, account.get())).ifPresent(role -> {
                        builder.addRole(Roles.DEVELOPER);
                        if (DeveloperRoleChanged.OWNER.equals(role)) {
                            builder.addRole(Roles.DEVELOPER_ORG_OWNER);
                        }
                    });
        }
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
