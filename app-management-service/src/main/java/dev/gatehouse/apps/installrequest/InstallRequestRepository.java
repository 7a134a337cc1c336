package dev.gatehouse.apps.installrequest;

import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class InstallRequestRepository implements PanacheRepositoryBase<InstallRequest, UUID> {

    public Uni<Boolean> pendingFor(UUID companyId, UUID appId) {
        return count("companyId = ?1 and appId = ?2 and status = ?3", companyId, appId,
                InstallRequestStatus.pending).map(n -> n > 0);
    }

    public Uni<List<InstallRequest>> page(UUID companyId, InstallRequestStatus status, PageRequest request) {
        StringBuilder where = new StringBuilder("companyId = :company");
        Map<String, Object> params = new HashMap<>();
        params.put("company", companyId);
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        request.appendKeyset(where, params, "requestedAt", "id", false);
        return find(where + " order by requestedAt, id", params).range(0, request.fetchSize() - 1).list();
    }
}
