package dev.gatehouse.directory.membership;

import dev.gatehouse.directory.DirectoryService;
import dev.gatehouse.directory.permissionset.PermissionSet;
import dev.gatehouse.directory.project.Project;
import dev.gatehouse.directory.project.ProjectService;
import dev.gatehouse.directory.project.ProjectStatus;
import dev.gatehouse.directory.user.AppManaged;
import dev.gatehouse.directory.user.DirectoryUser;
import dev.gatehouse.directory.user.UserService;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.ProjectMemberAdded;
import dev.gatehouse.events.directory.ProjectMemberRemoved;
import dev.gatehouse.events.directory.ProjectMemberUpdated;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Project membership and its project-level permissions. The API methods refuse app users (their installation
 * manages them); {@link #upsert} and {@link #remove(ProjectMember, Actor)} are the unguarded steps the
 * installation sync uses too, so both paths publish the same events.
 */
@ApplicationScoped
public class MembershipService {

    private final ProjectMemberRepository members;
    private final ProjectService projects;
    private final UserService users;
    private final OutboxWriter outbox;

    public MembershipService(ProjectMemberRepository members, ProjectService projects, UserService users,
            OutboxWriter outbox) {
        this.members = members;
        this.projects = projects;
        this.users = users;
        this.outbox = outbox;
    }

    /** Result of a put: the membership, and whether it is new (201) rather than changed (200). */
    public record Put(ProjectMember member, boolean created) {
    }

    @WithTransaction
    public Uni<Put> put(UUID companyId, UUID projectId, UUID userId, PermissionSet permissions, Actor actor) {
        return projects.get(companyId, projectId).chain(project -> users.get(companyId, userId)
                .invoke(AppManaged::refuseChangeTo)
                .invoke(user -> {
                    if (!user.isActive()) {
                        throw ProblemException.conflict("User " + userId + " is inactive; reactivate them first");
                    }
                    if (project.status == ProjectStatus.archived) {
                        throw ProblemException.conflict("Project " + projectId + " is archived");
                    }
                })
                .chain(user -> upsert(user, project, permissions, actor)));
    }

    @WithTransaction
    public Uni<Void> remove(UUID companyId, UUID projectId, UUID userId, Actor actor) {
        return get(companyId, projectId, userId)
                .call(m -> users.get(companyId, userId).invoke(AppManaged::refuseChangeTo))
                .chain(m -> remove(m, actor));
    }

    /** Adds the membership or replaces its permissions, publishing what changed. Inside the caller's transaction. */
    public Uni<Put> upsert(DirectoryUser user, Project project, PermissionSet permissions, Actor actor) {
        return members.find(project.id, user.id).chain(existing -> {
            Instant now = now();
            if (existing == null) {
                ProjectMember m = new ProjectMember();
                m.projectId = project.id;
                m.userId = user.id;
                m.companyId = user.companyId;
                m.permissions = permissions;
                m.addedAt = now;
                m.addedBy = actor.id();
                m.updatedAt = now;
                return members.persistAndFlush(m)
                        .call(added -> emit(DirectoryEvents.PROJECT_MEMBER_ADDED, added, actor,
                                new ProjectMemberAdded(added.userId, added.companyId, added.projectId,
                                        permissions.wire())))
                        .map(added -> new Put(added, true));
            }
            if (existing.permissions.equals(permissions)) {
                return Uni.createFrom().item(new Put(existing, false));
            }
            existing.permissions = permissions;
            existing.updatedAt = now;
            return members.flush().replaceWith(existing)
                    .call(changed -> emit(DirectoryEvents.PROJECT_MEMBER_UPDATED, changed, actor,
                            new ProjectMemberUpdated(changed.userId, changed.companyId, changed.projectId,
                                    permissions.wire())))
                    .map(changed -> new Put(changed, false));
        });
    }

    /** Removes the membership and publishes it. Inside the caller's transaction. */
    public Uni<Void> remove(ProjectMember m, Actor actor) {
        return members.delete(m).call(members::flush)
                .call(() -> emit(DirectoryEvents.PROJECT_MEMBER_REMOVED, m, actor,
                        new ProjectMemberRemoved(m.userId, m.companyId, m.projectId)));
    }

    @WithSession
    public Uni<ProjectMember> get(UUID companyId, UUID projectId, UUID userId) {
        return projects.get(companyId, projectId)
                .chain(() -> members.find(projectId, userId))
                .onItem().ifNull().failWith(() -> ProblemException.of(404, "not-found", "Not Found",
                        "User " + userId + " is not a member of project " + projectId));
    }

    @WithSession
    public Uni<Page<MemberResponse>> list(UUID companyId, UUID projectId, PageRequest request) {
        return projects.get(companyId, projectId)
                .chain(() -> members.page(projectId, request))
                .map(rows -> request.page(rows, m -> new PageRequest.Position(m.addedAt, m.userId),
                        MemberResponse::of));
    }

    private <P> Uni<Void> emit(EventType<P> type, ProjectMember m, Actor actor, P payload) {
        return outbox.append(EventEnvelope.of(type, DirectoryService.NAME, m.companyId, actor, m.userId.toString(),
                payload));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
