package dev.gatehouse.web.security;

import dev.gatehouse.events.Actor;
import dev.gatehouse.web.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling, read from the verified bearer token, and the tenant checks every endpoint makes. Company roles
 * apply only to the company named in the token's {@code company_id}; anything else is 403.
 */
@RequestScoped
public class Caller {

    /** App clients' ids start with this ({@link dev.gatehouse.events.apps.AppClientIds}). */
    public static final String APP_CLIENT_PREFIX = dev.gatehouse.events.apps.AppClientIds.PREFIX;

    /**
     * Set on a person's identity when they are an admin of the token's company but the company requires a second
     * factor of its admins and the token was not issued after one (libs/revocation's people feed).
     */
    public static final String NEEDS_SECOND_FACTOR = "gatehouse.needs-second-factor";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isPlatformAdmin() {
        return identity.hasRole(Roles.PLATFORM_ADMIN);
    }

    /** An installation token: an app acting in {@link #companyId()} as its app user {@link #subject()}. */
    public boolean isApp() {
        return identity.hasRole(Roles.APP);
    }

    /** A legacy service account's token: acting in {@link #companyId()} as its directory user {@link #subject()}. */
    public boolean isLegacyServiceAccount() {
        return identity.hasRole(Roles.LEGACY_SERVICE_ACCOUNT);
    }

    /** A company service account's token: acting in {@link #companyId()} as its directory user {@link #subject()}. */
    public boolean isServiceAccount() {
        return identity.hasRole(Roles.SERVICE_ACCOUNT);
    }

    /**
     * An app acting for the person {@link #subject()} (their account) in {@link #companyId()}, through the
     * installation whose app user is {@link #actingAppUserId()}.
     */
    public boolean isDelegatedApp() {
        return identity.hasRole(Roles.DELEGATED_APP);
    }

    /** RFC 8693 §4.1's {@code act}: the installation's app user acting for the person in {@code sub}. */
    public Optional<UUID> actingAppUserId() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("act") instanceof JsonObject act
                && act.get("sub") instanceof JsonString sub) {
            return uuid(sub.getString());
        }
        return Optional.empty();
    }

    /**
     * Whether the caller acts as one of the company's directory users (an installation's app user, a legacy service
     * account's user or a service account's user), so what it may do follows that user's tool permissions rather
     * than a role.
     */
    public boolean actsAsDirectoryUser() {
        return isApp() || isLegacyServiceAccount() || isServiceAccount();
    }

    /**
     * The person's account when the token is a person's own, from token-service's sign-in grants (it has a
     * {@code grant_id}; an app acting for the person has one too and is not the person).
     */
    public Optional<UUID> personAccountId() {
        if (claim("grant_id").isEmpty() || isDelegatedApp()) {
            return Optional.empty();
        }
        return uuid(subject());
    }

    /** The company the token's company roles apply to, if any. */
    public Optional<UUID> companyId() {
        return claim("company_id").flatMap(Caller::uuid);
    }

    public String subject() {
        return identity.getPrincipal().getName();
    }

    /** The actor recorded in events: the OAuth client when a client acts for itself, otherwise the user. */
    public Actor actor() {
        Optional<String> clientId = claim("client_id");
        if (clientId.isPresent() && clientId.get().equals(subject())) {
            return new Actor(Actor.CLIENT, clientId.get());
        }
        return new Actor(Actor.USER, subject());
    }

    /**
     * The app's OAuth client id when the caller is an app acting for itself (token-service's client_credentials
     * without a company selector): no company, no role, {@code sub} = {@code client_id} = {@code app_…}. Such a
     * token only lets the app list the companies where it is installed.
     */
    public Optional<String> appClientId() {
        return claim("client_id").filter(id -> id.startsWith(APP_CLIENT_PREFIX) && id.equals(subject())
                && companyId().isEmpty() && identity.getRoles().isEmpty());
    }

    /** The developer organization a developer's token is for, if it is a developer's token. */
    public Optional<UUID> developerOrgId() {
        return identity.hasRole(Roles.DEVELOPER) ? claim("developer_org_id").flatMap(Caller::uuid) : Optional.empty();
    }

    /** A developer of this developer organization, or platform admin. */
    public void requireDeveloperOf(UUID developerOrgId) {
        if (isPlatformAdmin()) {
            return;
        }
        if (!developerOrgId().map(developerOrgId::equals).orElse(false)) {
            throw ProblemException.forbidden("Only developers of the app's organization may do this");
        }
    }

    /** An owner of this developer organization, or platform admin. */
    public void requireOwnerOf(UUID developerOrgId) {
        if (isPlatformAdmin()) {
            return;
        }
        if (!identity.hasRole(Roles.DEVELOPER_ORG_OWNER)
                || !developerOrgId().map(developerOrgId::equals).orElse(false)) {
            throw ProblemException.forbidden("Only an owner of this developer organization may do this");
        }
    }

    public void requirePlatformAdmin() {
        if (!isPlatformAdmin()) {
            throw ProblemException.forbidden("Only a platform admin may do this");
        }
    }

    /** Company admin of this company, or platform admin. */
    public void requireCompanyAdmin(UUID companyId) {
        if (isPlatformAdmin()) {
            return;
        }
        requireSameCompany(companyId);
        if (!identity.hasRole(Roles.COMPANY_ADMIN)) {
            if (identity.getAttribute(NEEDS_SECOND_FACTOR) != null) {
                throw ProblemException.of(403, "second-factor-required", "Second factor required",
                        "This company requires its admins to sign in with a second factor. Turn on two-factor "
                                + "sign-in for your account and sign in again.");
            }
            throw ProblemException.forbidden("Only an admin of this company may do this");
        }
    }

    /** Any member (admin included) of this company, or platform admin. */
    public void requireCompanyMember(UUID companyId) {
        if (isPlatformAdmin()) {
            return;
        }
        requireSameCompany(companyId);
        if (!identity.hasRole(Roles.COMPANY_ADMIN) && !identity.hasRole(Roles.COMPANY_MEMBER)) {
            throw ProblemException.forbidden("Only members of this company may see this");
        }
    }

    /** The token is for this company, whatever its role (no platform-admin exception: callers decide that). */
    public void requireSameCompany(UUID companyId) {
        if (!companyId().map(companyId::equals).orElse(false)) {
            throw ProblemException.forbidden("Your token is not for this company");
        }
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value instanceof JsonString json) {
                return Optional.of(json.getString());
            }
            if (value instanceof String text) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
