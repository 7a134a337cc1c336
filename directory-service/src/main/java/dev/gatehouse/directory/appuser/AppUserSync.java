package dev.gatehouse.directory.appuser;

import dev.gatehouse.directory.DirectoryService;
import dev.gatehouse.directory.company.CompanyRepository;
import dev.gatehouse.directory.membership.MembershipService;
import dev.gatehouse.directory.membership.ProjectMember;
import dev.gatehouse.directory.membership.ProjectMemberRepository;
import dev.gatehouse.directory.permission.PermissionSet;
import dev.gatehouse.directory.project.Project;
import dev.gatehouse.directory.project.ProjectRepository;
import dev.gatehouse.directory.user.DirectoryUser;
import dev.gatehouse.directory.user.UserKind;
import dev.gatehouse.directory.user.UserRepository;
import dev.gatehouse.directory.user.UserStatus;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.UserCreated;
import dev.gatehouse.events.directory.UserDeactivated;
import dev.gatehouse.events.directory.UserPermissionsChanged;
import dev.gatehouse.events.directory.UserReactivated;
import dev.gatehouse.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

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
 * Makes an installation's app user match the installation's state: created on first sight, its company
 * permissions, its memberships of exactly the permitted projects with the manifest's project permissions, active
 * while the installation is active. Runs inside the consumer's transaction; every change publishes the same
 * directory events as a change through the API, with the installation event's actor.
 */
@ApplicationScoped
public class AppUserSync {

    private static final Logger LOG = Logger.getLogger(AppUserSync.class);

    private final UserRepository users;
    private final CompanyRepository companies;
    private final ProjectRepository projects;
    private final ProjectMemberRepository members;
    private final MembershipService memberships;
    private final OutboxWriter outbox;

    public AppUserSync(UserRepository users, CompanyRepository companies, ProjectRepository projects,
            ProjectMemberRepository members, MembershipService memberships, OutboxWriter outbox) {
        this.users = users;
        this.companies = companies;
        this.projects = projects;
        this.members = members;
        this.memberships = memberships;
        this.outbox = outbox;
    }

    public Uni<Void> apply(InstallationState state, Actor actor) {
        return users.findById(state.appUserId()).chain(existing -> {
            if (existing == null) {
                return companies.findById(state.companyId()).chain(company -> {
                    if (company == null) {
                        LOG.warnf("installation %s names company %s, which this directory does not have; skipped",
                                state.installationId(), state.companyId());
                        return Uni.createFrom().voidItem();
                    }
                    return create(state, actor).chain(user -> syncProjects(user, state, actor));
                });
            }
            if (!existing.isApp() || !state.installationId().equals(existing.installationId)
                    || !state.companyId().equals(existing.companyId)) {
                LOG.warnf("installation %s names user %s, which is not its app user; skipped", state.installationId(),
                        state.appUserId());
                return Uni.createFrom().voidItem();
            }
            if (existing.installationRevision != null && existing.installationRevision >= state.revision()) {
                return Uni.createFrom().voidItem();
            }
            return update(existing, state, actor).chain(user -> syncProjects(user, state, actor));
        });
    }

    private Uni<DirectoryUser> create(InstallationState state, Actor actor) {
        Instant now = now();
        DirectoryUser u = new DirectoryUser();
        u.id = state.appUserId();
        u.companyId = state.companyId();
        u.kind = UserKind.app;
        u.name = AppUserNames.forApp(state.appName());
        u.status = state.active() ? UserStatus.active : UserStatus.inactive;
        u.deactivatedAt = state.active() ? null : now;
        u.permissions = PermissionSet.fromWire(state.companyPermissions());
        u.appId = state.appId();
        u.installationId = state.installationId();
        u.installationStatus = state.status();
        u.installationRevision = state.revision();
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
                                new UserDeactivated(created.id, created.companyId, reason(state))));
    }

    private Uni<DirectoryUser> update(DirectoryUser u, InstallationState state, Actor actor) {
        PermissionSet permissions = PermissionSet.fromWire(state.companyPermissions());
        boolean permissionsChanged = !u.permissions.equals(permissions);
        boolean wasActive = u.isActive();
        Instant now = now();
        u.permissions = permissions;
        u.status = state.active() ? UserStatus.active : UserStatus.inactive;
        u.deactivatedAt = state.active() ? null : (wasActive ? now : u.deactivatedAt);
        u.installationStatus = state.status();
        u.installationRevision = state.revision();
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
                                        new UserDeactivated(changed.id, changed.companyId, reason(state))));
    }

    /**
     * Memberships of exactly the permitted projects that exist in this company, each with the manifest's project
     * permissions. Ids of projects this directory does not have are skipped, never invented.
     */
    private Uni<Void> syncProjects(DirectoryUser user, InstallationState state, Actor actor) {
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

    private static String reason(InstallationState state) {
        return InstallationState.UNINSTALLED.equals(state.status()) ? "app uninstalled" : "installation disabled";
    }

    private <P> Uni<Void> emit(EventType<P> type, DirectoryUser u, Actor actor, P payload) {
        return outbox.append(EventEnvelope.of(type, DirectoryService.NAME, u.companyId, actor, u.id.toString(),
                payload));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
