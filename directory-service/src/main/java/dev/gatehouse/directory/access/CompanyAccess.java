package dev.gatehouse.directory.access;

import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.Tool;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who may read and change a company's directory. People go by role (docs/security.md). An app goes by its
 * installation's app user, and a (legacy) service account by its user, read live from this service's own tables:
 * their tool levels and project memberships as they are now, so removing a permitted project or disabling the
 * installation takes effect on the next call, not when the token expires. An app acting for a person goes by both
 * its app user and the person ({@link #forPerson}).
 */
@RequestScoped
public class CompanyAccess {

    private final Caller caller;
    private final TokenUsers users;

    public CompanyAccess(Caller caller, TokenUsers users) {
        this.caller = caller;
        this.users = users;
    }

    /** The company itself (name, id): any member, or any app installed there. */
    public Uni<Visibility> toSeeCompany(UUID companyId) {
        if (caller.isDelegatedApp()) {
            return forPerson(companyId, null, AccessLevel.NONE);
        }
        if (caller.actsAsDirectoryUser()) {
            return appWith(companyId, null, AccessLevel.NONE);
        }
        caller.requireCompanyMember(companyId);
        return Uni.createFrom().item(Visibility.ALL);
    }

    /** Reading data of {@code tool}: a company member, or an app with at least {@code read_only} on it. */
    public Uni<Visibility> toRead(UUID companyId, Tool tool) {
        if (caller.isDelegatedApp()) {
            return forPerson(companyId, tool, AccessLevel.READ_ONLY);
        }
        if (caller.actsAsDirectoryUser()) {
            return appWith(companyId, tool, AccessLevel.READ_ONLY);
        }
        caller.requireCompanyMember(companyId);
        return Uni.createFrom().item(Visibility.ALL);
    }

    /** Changing data of {@code tool}: a company admin, or an app with at least {@code level} on it. */
    public Uni<Visibility> toChange(UUID companyId, Tool tool, AccessLevel level) {
        if (caller.isDelegatedApp()) {
            return forPerson(companyId, tool, level);
        }
        if (caller.actsAsDirectoryUser()) {
            return appWith(companyId, tool, level);
        }
        caller.requireCompanyAdmin(companyId);
        return Uni.createFrom().item(Visibility.ALL);
    }

    /** Reading about one user: directory readers, and an app (or legacy service account) about its own user. */
    public Uni<Visibility> toReadUser(UUID companyId, UUID userId) {
        boolean self = caller.actsAsDirectoryUser() && caller.subject().equals(userId.toString());
        return self ? toSeeCompany(companyId) : toRead(companyId, Tool.DIRECTORY);
    }

    /** The app user's permitted projects, once its installation is active and grants {@code needed} on tool. */
    @WithSession
    Uni<Visibility> appWith(UUID companyId, Tool tool, AccessLevel needed) {
        return appUser(companyId).chain(user -> {
            AccessLevel granted = tool == null ? AccessLevel.NONE : user.permissions().level(tool);
            if (!granted.atLeast(needed)) {
                throw ProblemException.forbidden("The " + user.manager() + " grants " + tool.wireName() + " "
                        + granted.wireName() + "; this needs " + needed.wireName() + " or more");
            }
            return users.projectsOf(user.id()).map(Visibility::new);
        });
    }

    /**
     * An app acting for a person (docs/security.md, "Apps acting for people"): at most what both may, judged now.
     * The app's side is its installation's app user (its tool levels and permitted projects); the person's side is
     * what their role lets them: a company admin anything on every project, a member reading (or more, as their
     * own tool levels say) on the projects they are a member of. Either side deactivated, nothing.
     */
    @WithSession
    Uni<Visibility> forPerson(UUID companyId, Tool tool, AccessLevel needed) {
        caller.requireSameCompany(companyId);
        UUID appUserId = caller.actingAppUserId().orElseThrow(
                () -> ProblemException.forbidden("This token does not name the app user acting for the person"));
        UUID accountId = subjectId();
        return users.find(companyId, appUserId).chain(app -> users.findPerson(companyId, accountId).chain(person -> {
            TokenUsers.TokenUser a = app.filter(TokenUsers.TokenUser::app).orElseThrow(
                    () -> ProblemException.forbidden("This token's app user is not in this company's directory"));
            if (!a.active()) {
                throw ProblemException.forbidden("The installation behind this token is " + a.managerStatus());
            }
            TokenUsers.TokenUser p = person.filter(TokenUsers.TokenUser::active).orElseThrow(
                    () -> ProblemException.forbidden("The person this app acts for is not an active user of this "
                            + "company's directory"));
            boolean admin = p.permissions().level(Tool.DIRECTORY) == AccessLevel.ADMIN;
            AccessLevel appLevel = tool == null ? AccessLevel.NONE : a.permissions().level(tool);
            AccessLevel personLevel = tool == null || admin ? AccessLevel.ADMIN
                    : higher(AccessLevel.READ_ONLY, p.permissions().level(tool));
            AccessLevel granted = appLevel.atLeast(personLevel) ? personLevel : appLevel;
            if (!granted.atLeast(needed)) {
                throw ProblemException.forbidden("The app may use " + tool.wireName() + " at " + appLevel.wireName()
                        + " and the person at " + personLevel.wireName() + "; this needs " + needed.wireName());
            }
            Uni<Set<UUID>> personProjects = admin ? Uni.createFrom().nullItem() : users.projectsOf(p.id());
            return users.projectsOf(a.id()).chain(appProjects -> personProjects.map(mine -> new Visibility(
                    mine == null ? appProjects : appProjects.stream().filter(mine::contains)
                            .collect(Collectors.toUnmodifiableSet()))));
        }));
    }

    private static AccessLevel higher(AccessLevel a, AccessLevel b) {
        return a.atLeast(b) ? a : b;
    }

    @WithSession
    Uni<TokenUsers.TokenUser> appUser(UUID companyId) {
        caller.requireSameCompany(companyId);
        UUID userId = subjectId();
        return users.find(companyId, userId).map(found -> {
            TokenUsers.TokenUser user = found.filter(u -> caller.isApp() ? u.app()
                    : caller.isServiceAccount() ? u.serviceAccount() : u.legacy()).orElseThrow(
                    () -> ProblemException.forbidden("This token's user is not in this company's directory"));
            if (!user.active()) {
                throw ProblemException.forbidden("The " + user.manager() + " behind this token is "
                        + user.managerStatus());
            }
            return user;
        });
    }

    /** The token's {@code sub} as an id: a directory user's, or for an app acting for a person, their account's. */
    private UUID subjectId() {
        try {
            return UUID.fromString(caller.subject());
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("This token's subject is not a directory user");
        }
    }
}
