package dev.gatehouse.directory.user;

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
