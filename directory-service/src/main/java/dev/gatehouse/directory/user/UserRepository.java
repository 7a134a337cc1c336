package dev.gatehouse.directory.user;

import dev.gatehouse.events.directory.CompanyRoleChanged;
import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Users, always read within one company. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<DirectoryUser, UUID> {

    public Uni<DirectoryUser> findInCompany(UUID companyId, UUID userId) {
        return find("companyId = ?1 and id = ?2", companyId, userId).firstResult();
    }

    /** The company's active people who hold an account and are admins on its Directory tool. */
    public Uni<List<DirectoryUser>> linkedAdmins(UUID companyId) {
        return list("companyId = ?1 and kind = ?2 and accountId is not null and status = ?3", companyId,
                UserKind.person, UserStatus.active).map(all -> all.stream()
                .filter(u -> CompanyRoleChanged.ADMIN.equals(u.companyRole())).toList());
    }

    /** The person of the company who holds this account, or null. */
    public Uni<DirectoryUser> byAccount(UUID companyId, UUID accountId) {
        return find("companyId = ?1 and accountId = ?2", companyId, accountId).firstResult();
    }

    public Uni<Boolean> emailTaken(UUID companyId, String email, UUID except) {
        return count("companyId = ?1 and lower(email) = lower(?2) and id <> ?3", companyId, email,
                except == null ? new UUID(0, 0) : except).map(n -> n > 0);
    }

    public Uni<List<DirectoryUser>> page(UUID companyId, UserKind kind, UserStatus status, PageRequest request) {
        StringBuilder where = new StringBuilder("companyId = :company");
        Map<String, Object> params = new HashMap<>();
        params.put("company", companyId);
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        request.appendKeyset(where, params, "createdAt", "id", false);
        return find(where + " order by createdAt, id", params).range(0, request.fetchSize() - 1).list();
    }
}
