package dev.gatehouse.apps.installation;

import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class InstallationRepository implements PanacheRepositoryBase<Installation, UUID> {

    public Uni<Installation> ofCompanyAndApp(UUID companyId, UUID appId) {
        return find("companyId = ?1 and appId = ?2", companyId, appId).firstResult();
    }

    public Uni<List<Installation>> ofApp(UUID appId) {
        return list("appId = ?1 and status <> ?2 order by id", appId, InstallationStatus.uninstalled);
    }

    /** Installations that gain every new project (an uninstalled one catches up when installed again). */
    public Uni<List<Installation>> followingFutureProjects(UUID companyId) {
        return list("companyId = ?1 and projectAccess = ?2 and status <> ?3 order by id", companyId,
                ProjectAccess.all_current_and_future, InstallationStatus.uninstalled);
    }

    public Uni<List<Installation>> ofCompanyAndApps(UUID companyId, List<UUID> appIds) {
        return list("companyId = ?1 and appId in ?2", companyId, appIds);
    }

    public Uni<List<Installation>> page(UUID companyId, InstallationStatus status, PageRequest request) {
        StringBuilder where = new StringBuilder("companyId = :company");
        Map<String, Object> params = new HashMap<>();
        params.put("company", companyId);
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        request.appendKeyset(where, params, "installedAt", "id", false);
        return find(where + " order by installedAt, id", params).range(0, request.fetchSize() - 1).list();
    }

    /** Every installation of an app, uninstalled ones too, oldest first: where the app is (or was) installed. */
    public Uni<List<Installation>> ofAppOrdered(UUID appId) {
        return list("appId = ?1 order by installedAt, id", appId);
    }
}
