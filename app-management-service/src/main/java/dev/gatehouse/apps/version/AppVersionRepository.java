package dev.gatehouse.apps.version;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** App versions. */
@ApplicationScoped
public class AppVersionRepository implements PanacheRepositoryBase<AppVersion, AppVersion.Key> {

    public Uni<AppVersion> find(UUID appId, String version) {
        return findById(new AppVersion.Key(appId, version));
    }

    public Uni<List<AppVersion>> ofApp(UUID appId) {
        return list("appId = ?1 order by createdAt", appId);
    }
}
