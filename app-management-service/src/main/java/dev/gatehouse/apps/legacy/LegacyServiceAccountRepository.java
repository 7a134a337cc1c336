package dev.gatehouse.apps.legacy;

import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class LegacyServiceAccountRepository implements PanacheRepositoryBase<LegacyServiceAccount, UUID> {

    /** Whether an active account of the company has this name, ignoring case. */
    public Uni<Boolean> nameTaken(UUID companyId, String name) {
        return count("companyId = ?1 and lower(name) = lower(?2) and status = ?3", companyId, name,
                LegacyAccountStatus.active).map(n -> n > 0);
    }

    public Uni<List<LegacyServiceAccount>> page(UUID companyId, LegacyAccountStatus status, PageRequest request) {
        StringBuilder where = new StringBuilder("companyId = :company");
        Map<String, Object> params = new HashMap<>();
        params.put("company", companyId);
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        request.appendKeyset(where, params, "createdAt", "id", false);
        return find(where + " order by createdAt, id", params).range(0, request.fetchSize() - 1).list();
    }
}
