package dev.gatehouse.directory.user;

import dev.gatehouse.directory.DirectoryService;
import dev.gatehouse.directory.company.CompanyService;
import dev.gatehouse.directory.permissionset.PermissionSet;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.PersonInvited;
import dev.gatehouse.events.directory.PersonLinked;
import dev.gatehouse.events.directory.UserCreated;
import dev.gatehouse.events.directory.UserDeactivated;
import dev.gatehouse.events.directory.UserPermissionsChanged;
import dev.gatehouse.events.directory.UserReactivated;
import dev.gatehouse.events.directory.UserUpdated;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.problem.UniqueViolation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * People in a company's directory and their company-level permissions; each change and its event commit together.
 * App and legacy users are read here but changed only by {@code manageduser.ManagedUserSync}.
 */
@ApplicationScoped
public class UserService {

    private final UserRepository users;
    private final CompanyService companies;
    private final OutboxWriter outbox;
    private final CompanyRoles roles;

    public UserService(UserRepository users, CompanyService companies, OutboxWriter outbox, CompanyRoles roles) {
        this.users = users;
        this.companies = companies;
        this.outbox = outbox;
        this.roles = roles;
    }

    /** Adds a person and asks token-service to invite them ({@code PersonInvited}): the e-mail is how they arrive. */
    @WithTransaction
    public Uni<DirectoryUser> create(UUID companyId, UserRequest request, Actor actor) {
        String email = request.email().strip();
        return companies.get(companyId)
                .call(() -> requireFreeEmail(companyId, email, null))
                .chain(company -> {
                    Instant now = now();
                    DirectoryUser u = new DirectoryUser();
                    u.id = UUID.randomUUID();
                    u.companyId = companyId;
                    u.kind = UserKind.person;
                    u.name = request.name().strip();
                    u.email = email;
                    u.status = UserStatus.active;
                    u.createdAt = now;
                    u.createdBy = actor.id();
                    u.updatedAt = now;
                    u.invitedAt = now;
                    return users.persistAndFlush(u)
                            .call(created -> emit(DirectoryEvents.USER_CREATED, created, actor,
                                    new UserCreated(u.id, companyId, u.kind.name(), u.name, u.email, null, null)))
                            .call(created -> emit(DirectoryEvents.PERSON_INVITED, created, actor,
                                    new PersonInvited(u.id, companyId, company.name, u.name, u.email)));
                })
                .onFailure(UniqueViolation::is).transform(e -> duplicate(email));
    }

    /**
     * Invites a person again (a new link; token-service makes the older ones useless). Only for an active person
     * who has not taken an invitation yet: once linked, they sign in.
     */
    @WithTransaction
    public Uni<DirectoryUser> invite(UUID companyId, UUID userId, Actor actor) {
        return companies.get(companyId).chain(company -> get(companyId, userId)
                .invoke(AppManaged::refuseChangeTo)
                .chain(u -> {
                    if (u.accountId != null) {
                        throw ProblemException.of(409, "already-linked", "Already signed up",
                                u.name + " took an invitation already and signs in with their account.");
                    }
                    if (!u.isActive()) {
                        throw ProblemException.of(409, "inactive", "Deactivated",
                                u.name + " is deactivated; reactivate them before inviting them again.");
                    }
                    u.invitedAt = now();
                    u.updatedAt = u.invitedAt;
                    return users.flush().replaceWith(u).call(invited -> emit(DirectoryEvents.PERSON_INVITED,
                            invited, actor, new PersonInvited(u.id, companyId, company.name, u.name, u.email)));
                }));
    }

    /**
     * Links the person to the account that took their invitation (token-service's {@code InvitationAccepted}).
     * Applying it again changes nothing. Refused, with the reason, for a user that is no person of this company, is
     * linked to another account, or whose account is already another person of the company.
     */
    @WithTransaction
    public Uni<Optional<String>> link(UUID companyId, UUID userId, UUID accountId, Actor actor) {
        return users.findInCompany(companyId, userId).chain(u -> {
            if (u == null || !u.isPerson()) {
                return Uni.createFrom().item(Optional.of("no person " + userId + " in company " + companyId));
            }
            if (accountId.equals(u.accountId)) {
                return Uni.createFrom().item(Optional.<String>empty());
            }
            if (u.accountId != null) {
                return Uni.createFrom().item(Optional.of("user " + userId + " is linked to another account"));
            }
            return users.byAccount(companyId, accountId).chain(other -> {
                if (other != null) {
                    return Uni.createFrom().item(Optional.of("the account is already user " + other.id));
                }
                String before = u.companyRole();
                u.linkTo(accountId, now());
                return users.flush()
                        .call(() -> emit(DirectoryEvents.PERSON_LINKED, u, actor,
                                new PersonLinked(u.id, companyId, accountId)))
                        .call(() -> roles.announceIfChanged(u, before, actor))
                        .replaceWith(Optional.<String>empty());
            });
        });
    }

    @WithTransaction
    public Uni<DirectoryUser> update(UUID companyId, UUID userId, UserChangeRequest request, Actor actor) {
        String name = request.name() == null ? null : request.name().strip();
        String email = request.email() == null ? null : request.email().strip();
        return get(companyId, userId)
                .invoke(AppManaged::refuseChangeTo)
                .call(u -> email == null ? Uni.createFrom().voidItem() : requireFreeEmail(companyId, email, u.id))
                .chain(u -> {
                    boolean changed = (name != null && !name.equals(u.name))
                            || (email != null && !email.equals(u.email));
                    if (!changed) {
                        return Uni.createFrom().item(u);
                    }
                    u.name = Objects.requireNonNullElse(name, u.name);
                    u.email = Objects.requireNonNullElse(email, u.email);
                    u.updatedAt = now();
                    return users.flush().replaceWith(u)
                            .call(updated -> emit(DirectoryEvents.USER_UPDATED, updated, actor,
                                    new UserUpdated(updated.id, companyId, updated.name, updated.email)));
                })
                .onFailure(UniqueViolation::is).transform(e -> duplicate(email));
    }

    /** Deactivating keeps the user, their memberships and history; an inactive user has no permissions. */
    @WithTransaction
    public Uni<DirectoryUser> deactivate(UUID companyId, UUID userId, String reason, Actor actor) {
        return get(companyId, userId)
                .invoke(AppManaged::refuseChangeTo)
                .chain(u -> {
                    if (!u.isActive()) {
                        return Uni.createFrom().item(u);
                    }
                    String before = u.companyRole();
                    u.status = UserStatus.inactive;
                    u.deactivatedAt = now();
                    u.updatedAt = u.deactivatedAt;
                    return users.flush().replaceWith(u).call(d -> emit(DirectoryEvents.USER_DEACTIVATED, d, actor,
                            new UserDeactivated(d.id, companyId, reason)))
                            .call(d -> roles.announceIfChanged(d, before, actor));
                });
    }

    @WithTransaction
    public Uni<DirectoryUser> reactivate(UUID companyId, UUID userId, Actor actor) {
        return get(companyId, userId)
                .invoke(AppManaged::refuseChangeTo)
                .chain(u -> {
                    if (u.isActive()) {
                        return Uni.createFrom().item(u);
                    }
                    String before = u.companyRole();
                    u.status = UserStatus.active;
                    u.deactivatedAt = null;
                    u.updatedAt = now();
                    return users.flush().replaceWith(u).call(r -> emit(DirectoryEvents.USER_REACTIVATED, r, actor,
                            new UserReactivated(r.id, companyId)))
                            .call(r -> roles.announceIfChanged(r, before, actor));
                });
    }

    /** Replaces the user's company-level permissions; setting the same set again publishes nothing. */
    @WithTransaction
    public Uni<DirectoryUser> setPermissions(UUID companyId, UUID userId, PermissionSet permissions, Actor actor) {
        return get(companyId, userId)
                .invoke(AppManaged::refuseChangeTo)
                .chain(u -> {
                    if (u.permissions.equals(permissions)) {
                        return Uni.createFrom().item(u);
                    }
                    String before = u.companyRole();
                    u.permissions = permissions;
                    u.updatedAt = now();
                    return users.flush().replaceWith(u).call(changed -> emit(DirectoryEvents.USER_PERMISSIONS_CHANGED,
                            changed, actor, new UserPermissionsChanged(changed.id, companyId, permissions.wire())))
                            .call(changed -> roles.announceIfChanged(changed, before, actor));
                });
    }

    @WithSession
    public Uni<DirectoryUser> get(UUID companyId, UUID userId) {
        return companies.get(companyId)
                .chain(() -> users.findInCompany(companyId, userId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("User", userId));
    }

    @WithSession
    public Uni<Page<UserResponse>> list(UUID companyId, UserKind kind, UserStatus status, PageRequest request) {
        return companies.get(companyId)
                .chain(() -> users.page(companyId, kind, status, request))
                .map(rows -> request.page(rows, u -> new PageRequest.Position(u.createdAt, u.id), UserResponse::of));
    }

    private <P> Uni<Void> emit(EventType<P> type, DirectoryUser u, Actor actor, P payload) {
        return outbox.append(EventEnvelope.of(type, DirectoryService.NAME, u.companyId, actor, u.id.toString(),
                payload));
    }

    private Uni<Void> requireFreeEmail(UUID companyId, String email, UUID except) {
        return users.emailTaken(companyId, email, except)
                .invoke(taken -> {
                    if (taken) {
                        throw duplicate(email);
                    }
                })
                .replaceWithVoid();
    }

    private static ProblemException duplicate(String email) {
        return ProblemException.conflict("A user with email '" + email + "' already exists in this company");
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
