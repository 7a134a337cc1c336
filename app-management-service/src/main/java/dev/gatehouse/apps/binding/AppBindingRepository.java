package dev.gatehouse.apps.binding;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AppBindingRepository implements PanacheRepositoryBase<AppBinding, AppBinding.Key> {

    public Uni<AppBinding> find(UUID companyId, UUID appId) {
        return findById(new AppBinding.Key(companyId, appId));
    }

    public Uni<List<AppBinding>> ofCompanyAndApps(UUID companyId, List<UUID> appIds) {
        return list("companyId = ?1 and appId in ?2", companyId, appIds);
    }
}
