package dev.gatehouse.directory.user;

import dev.gatehouse.directory.DirectoryService;
import dev.gatehouse.directory.company.CompanyService;
import dev.gatehouse.directory.permissionset.PermissionSet;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.directory.DirectoryEvents;
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

    public UserService(UserRepository users, CompanyService companies, OutboxWriter outbox) {
        this.users = users;
        this.companies = companies;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<DirectoryUser> create(UUID companyId, UserRequest request, Actor actor) {
        String email = request.email().strip();
        return companies.get(companyId)
                .chain(() -> requireFreeEmail(companyId, email, null))
                .chain(() -> {
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
                    return users.persistAndFlush(u);
                })
                .call(u -> emit(DirectoryEvents.USER_CREATED, u, actor,
                        new UserCreated(u.id, companyId, u.kind.name(), u.name, u.email, null, null)))
                .onFailure(UniqueViolation::is).transform(e -> duplicate(email));
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
                    u.status = UserStatus.inactive;
                    u.deactivatedAt = now();
                    u.updatedAt = u.deactivatedAt;
                    return users.flush().replaceWith(u).call(d -> emit(DirectoryEvents.USER_DEACTIVATED, d, actor,
                            new UserDeactivated(d.id, companyId, reason)));
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
                    u.status = UserStatus.active;
                    u.deactivatedAt = null;
                    u.updatedAt = now();
                    return users.flush().replaceWith(u).call(r -> emit(DirectoryEvents.USER_REACTIVATED, r, actor,
                            new UserReactivated(r.id, companyId)));
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
                    u.permissions = permissions;
                    u.updatedAt = now();
                    return users.flush().replaceWith(u).call(changed -> emit(DirectoryEvents.USER_PERMISSIONS_CHANGED,
                            changed, actor, new UserPermissionsChanged(changed.id, companyId, permissions.wire())));
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
