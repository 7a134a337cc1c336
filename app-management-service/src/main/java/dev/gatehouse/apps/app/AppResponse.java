package dev.gatehouse.apps.app;

import java.time.Instant;
import java.util.UUID;

/**
 * An app as the API shows it. {@code clientId} is the app's OAuth client in token-service; its developers get the
 * secret there ({@code POST /clients/{clientId}/secrets}), never here.
 */
public record AppResponse(UUID id, UUID developerOrgId, String name, String description, AppKind kind,
        UUID owningCompanyId, String clientId, Instant createdAt, String createdBy, Instant updatedAt) {

    public static AppResponse of(App a) {
        return new AppResponse(a.id, a.developerOrgId, a.name, a.description, a.kind, a.owningCompanyId, a.clientId,
                a.createdAt, a.createdBy, a.updatedAt);
    }
}
