package dev.gatehouse.directory.permission;

import dev.gatehouse.directory.membership.ProjectMember;
import dev.gatehouse.directory.membership.ProjectMemberRepository;
import dev.gatehouse.directory.permissionset.PermissionSet;
import dev.gatehouse.directory.project.ProjectService;
import dev.gatehouse.directory.user.DirectoryUser;
import dev.gatehouse.directory.user.UserService;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.Tool;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** Works out the permissions that apply to a user, at company level or on one project. */
@ApplicationScoped
public class PermissionService {

    private final UserService users;
    private final ProjectService projects;
    private final ProjectMemberRepository members;

    public PermissionService(UserService users, ProjectService projects, ProjectMemberRepository members) {
        this.users = users;
        this.projects = projects;
        this.members = members;
    }

    @WithSession
    public Uni<EffectivePermissions> effective(UUID companyId, UUID userId, UUID projectId) {
        return users.get(companyId, userId).chain(user -> {
            if (projectId == null) {
                return Uni.createFrom().item(new EffectivePermissions(userId, companyId, null, user.isActive(),
                        null, applying(user, user.permissions).shown(false)));
            }
            return projects.get(companyId, projectId)
                    .chain(() -> members.find(projectId, userId))
                    .map(member -> new EffectivePermissions(userId, companyId, projectId, user.isActive(),
                            member != null, onProject(user, member).shown(false)));
        });
    }

    private static PermissionSet onProject(DirectoryUser user, ProjectMember member) {
        Map<Tool, AccessLevel> levels = new EnumMap<>(Tool.class);
        for (Tool tool : Tool.all()) {
            levels.put(tool, tool.projectLevel()
                    ? (member == null ? AccessLevel.NONE : member.permissions.level(tool))
                    : user.permissions.level(tool));
        }
        return applying(user, new PermissionSet(levels));
    }

    private static PermissionSet applying(DirectoryUser user, PermissionSet set) {
        return user.isActive() ? set : PermissionSet.NONE;
    }
}
