package dev.gatehouse.directory.manageduser;

import dev.gatehouse.directory.DirectoryService;
import dev.gatehouse.directory.company.CompanyRepository;
import dev.gatehouse.directory.membership.MembershipService;
import dev.gatehouse.directory.membership.ProjectMember;
import dev.gatehouse.directory.membership.ProjectMemberRepository;
import dev.gatehouse.directory.permissionset.PermissionSet;
import dev.gatehouse.directory.project.Project;
import dev.gatehouse.directory.project.ProjectRepository;
import dev.gatehouse.directory.user.DirectoryUser;
import dev.gatehouse.directory.user.UserRepository;
import dev.gatehouse.directory.user.UserStatus;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.UserCreated;
import dev.gatehouse.events.directory.UserDeactivated;
import dev.gatehouse.events.directory.UserPermissionsChanged;
import dev.gatehouse.events.directory.UserReactivated;
import dev.gatehouse.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes a managed user match its manager's state (an installation's app user, a legacy service account's user, or
 * a company service account's user):
 * created on first sight, its company permissions, its memberships of exactly the manager's projects with its
 * project permissions, active while the manager is active. Runs inside the consumer's transaction; every change
 * publishes the same directory events as a change through the API, with the manager event's actor.
 */
@ApplicationScoped
public class ManagedUserSync {

    private static final Logger LOG = Logger.getLogger(ManagedUserSync.class);

    private final UserRepository users;
    private final CompanyRepository companies;
    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final MembershipService memberships;
    private final OutboxWriter outbox;
    private final Clock clock;

    public ManagedUserSync(UserRepository users, CompanyRepository companies, ProjectRepository projects,
            ProjectMemberRepository members, MembershipService memberships, OutboxWriter outbox, Clock clock) {
        this.users = users;
        this.companies = companies;
        this.projects = projects;
        this.members = members;
        this.memberships = memberships;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> apply(ManagedUser state, Actor actor) {
        return users.findById(state.userId()).chain(existing -> {
            if (existing == null) {
                return companies.findById(state.companyId()).chain(company -> {
                    if (company == null) {
                        LOG.warnf("%s %s names company %s, which this directory does not have; skipped",
                                state.kind(), state.managerId(), state.companyId());
                        return Uni.createFrom().voidItem();
                    }
                    return create(state, actor).chain(user -> syncProjects(user, state, actor));
                });
            }
            if (existing.kind != state.kind() || !state.managerId().equals(existing.managerId())
                    || !state.companyId().equals(existing.companyId)) {
                LOG.warnf("%s %s names user %s, which is not its user; skipped", state.kind(), state.managerId(),
                        state.userId());
                return Uni.createFrom().voidItem();
            }
            if (existing.managedRevision() != null && existing.managedRevision() >= state.revision()) {
                return Uni.createFrom().voidItem();
            }
            return update(existing, state, actor).chain(user -> syncProjects(user, state, actor));
        });
    }

    private Uni<DirectoryUser> create(ManagedUser state, Actor actor) {
        Instant now = now();
        DirectoryUser u = new DirectoryUser();
        u.id = state.userId();
        u.companyId = state.companyId();
        u.kind = state.kind();
        u.name = state.name();
        u.status = state.active() ? UserStatus.active : UserStatus.inactive;
        u.deactivatedAt = state.active() ? null : now;
        u.permissions = PermissionSet.fromWire(state.companyPermissions());
        if (u.isApp()) {
            u.appId = state.appId();
            u.installationId = state.managerId();
        } else if (u.isServiceAccount()) {
            u.serviceClientId = state.serviceClientId();
        } else {
            u.legacyAccountId = state.managerId();
        }
        u.managedAt(state.managerStatus(), state.revision());
        u.createdAt = now;
        u.createdBy = actor.id();
        u.updatedAt = now;
        return users.persistAndFlush(u)
                .call(created -> emit(DirectoryEvents.USER_CREATED, created, actor, new UserCreated(created.id,
                        created.companyId, created.kind.name(), created.name, null, created.appId,
                        created.installationId)))
                .call(created -> created.permissions.equals(PermissionSet.NONE) ? Uni.createFrom().voidItem()
                        : emit(DirectoryEvents.USER_PERMISSIONS_CHANGED, created, actor,
                                new UserPermissionsChanged(created.id, created.companyId, created.permissions.wire())))
                .call(created -> created.isActive() ? Uni.createFrom().voidItem()
                        : emit(DirectoryEvents.USER_DEACTIVATED, created, actor,
                                new UserDeactivated(created.id, created.companyId, state.inactiveReason())));
    }

    private Uni<DirectoryUser> update(DirectoryUser u, ManagedUser state, Actor actor) {
        PermissionSet permissions = PermissionSet.fromWire(state.companyPermissions());
        boolean permissionsChanged = !u.permissions.equals(permissions);
        boolean wasActive = u.isActive();
        Instant now = now();
        u.permissions = permissions;
        u.status = state.active() ? UserStatus.active : UserStatus.inactive;
        u.deactivatedAt = state.active() ? null : (wasActive ? now : u.deactivatedAt);
        u.managedAt(state.managerStatus(), state.revision());
        u.updatedAt = now;
        return users.flush().replaceWith(u)
                .call(changed -> !permissionsChanged ? Uni.createFrom().voidItem()
                        : emit(DirectoryEvents.USER_PERMISSIONS_CHANGED, changed, actor,
                                new UserPermissionsChanged(changed.id, changed.companyId, permissions.wire())))
                .call(changed -> wasActive == changed.isActive() ? Uni.createFrom().voidItem()
                        : changed.isActive()
                                ? emit(DirectoryEvents.USER_REACTIVATED, changed, actor,
                                        new UserReactivated(changed.id, changed.companyId))
                                : emit(DirectoryEvents.USER_DEACTIVATED, changed, actor,
                                        new UserDeactivated(changed.id, changed.companyId, state.inactiveReason())));
    }

    /**
     * Memberships of exactly the manager's projects that exist in this company, each with its project permissions.
     * Ids of projects this directory does not have are skipped, never invented.
     */
    private Uni<Void> syncProjects(DirectoryUser user, ManagedUser state, Actor actor) {
        PermissionSet permissions = PermissionSet.fromWire(state.projectPermissions());
        Set<UUID> wanted = new HashSet<>(state.projectIds() == null ? List.of() : state.projectIds());
        Uni<List<Project>> permitted = wanted.isEmpty() ? Uni.createFrom().item(List.of())
                : projects.list("companyId = ?1 and id in ?2", user.companyId, wanted);
        return permitted.chain(found -> members.ofUser(user.id).chain(current -> {
            Map<UUID, ProjectMember> byProject = current.stream()
                    .collect(Collectors.toMap(m -> m.projectId, Function.identity()));
            Uni<Void> steps = Uni.createFrom().voidItem();
            for (Project project : found) {
                steps = steps.call(() -> memberships.upsert(user, project, permissions, actor));
            }
            Set<UUID> keep = found.stream().map(p -> p.id).collect(Collectors.toSet());
            for (ProjectMember m : byProject.values()) {
                if (!keep.contains(m.projectId)) {
                    steps = steps.call(() -> memberships.remove(m, actor));
                }
            }
            return steps;
        }));
    }

    private <P> Uni<Void> emit(EventType<P> type, DirectoryUser u, Actor actor, P payload) {
        return outbox.append(EventEnvelope.of(type, DirectoryService.NAME, u.companyId, actor, u.id.toString(),
                payload));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
