package dev.gatehouse.token.installation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class AppInstallationRepository implements PanacheRepositoryBase<AppInstallation, UUID> {

    public Uni<AppInstallation> of(String clientId, UUID companyId) {
        return find("clientId = ?1 and companyId = ?2", clientId, companyId).firstResult();
    }
}
