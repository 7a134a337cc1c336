package dev.gatehouse.directory.membership;

import dev.gatehouse.directory.access.TokenUsers;
import dev.gatehouse.directory.user.DirectoryUser;
import dev.gatehouse.directory.user.UserRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@link TokenUsers} from the directory's own tables, as they are at the moment of the call. */
@ApplicationScoped
public class LiveTokenUsers implements TokenUsers {

    private final UserRepository users;
    private final ProjectMemberRepository members;

    public LiveTokenUsers(UserRepository users, ProjectMemberRepository members) {
        this.users = users;
        this.members = members;
    }

    @Override
    public Uni<Optional<TokenUser>> find(UUID companyId, UUID userId) {
        return users.findInCompany(companyId, userId).map(u -> Optional.ofNullable(u).map(LiveTokenUsers::view));
    }

    @Override
    public Uni<Optional<TokenUser>> findPerson(UUID companyId, UUID accountId) {
        return users.byAccount(companyId, accountId).map(u -> Optional.ofNullable(u).filter(p -> !p.isManaged())
                .map(LiveTokenUsers::view));
    }

    @Override
    public Uni<Set<UUID>> projectsOf(UUID userId) {
        return members.ofUser(userId).map(list -> list.stream().map((ProjectMember m) -> m.projectId)
                .collect(Collectors.toUnmodifiableSet()));
    }

    private static TokenUser view(DirectoryUser u) {
        return new TokenUser(u.id, u.isApp(), u.isLegacy(), u.isServiceAccount(), u.isActive(), u.managerStatus(),
                u.permissions);
    }
}
