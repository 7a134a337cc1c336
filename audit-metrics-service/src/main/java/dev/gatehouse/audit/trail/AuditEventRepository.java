package dev.gatehouse.audit.trail;

import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The trail, read newest first with keyset paging. */
@ApplicationScoped
public class AuditEventRepository implements PanacheRepositoryBase<AuditEvent, UUID> {

    public Uni<List<AuditEvent>> page(AuditQuery query, PageRequest request) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.companyId() != null) {
            where.append(" and companyId = :company");
            params.put("company", query.companyId());
        }
        if (query.type() != null) {
            where.append(" and eventType = :type");
            params.put("type", query.type());
        }
        if (query.appId() != null) {
            where.append(" and appId = :app");
            params.put("app", query.appId());
        }
        if (query.installationId() != null) {
            where.append(" and installationId = :installation");
            params.put("installation", query.installationId());
        }
        if (query.clientId() != null) {
            where.append(" and clientId = :client");
            params.put("client", query.clientId());
        }
        if (query.actorId() != null) {
            where.append(" and actorId = :actor");
            params.put("actor", query.actorId());
        }
        if (query.from() != null) {
            where.append(" and occurredAt >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and occurredAt < :to");
            params.put("to", query.to());
        }
        request.appendKeyset(where, params, "occurredAt", "eventId", true);
        return find(where + " order by occurredAt desc, eventId desc", params)
                .range(0, request.fetchSize() - 1).list();
    }
}
