package dev.gatehouse.apps.upgrade;

import dev.gatehouse.apps.installation.PendingUpgrades;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UpgradeRequestRepository implements PanacheRepositoryBase<UpgradeRequest, UUID>, PendingUpgrades {

    public Uni<List<UpgradeRequest>> ofInstallation(UUID installationId) {
        return list("installationId = ?1 order by createdAt, id", installationId);
    }

    /** Marks the installation's pending request superseded (flushed, so a new pending one may follow). */
    @Override
    public Uni<Integer> supersedePending(UUID installationId) {
        return update("status = ?1 where installationId = ?2 and status = ?3", UpgradeStatus.superseded,
                installationId, UpgradeStatus.pending);
    }
}
