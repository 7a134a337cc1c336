package dev.gatehouse.apps.app;

import java.time.Instant;
import java.util.UUID;

/**
 * An app as the API shows it. {@code clientId} is the app's OAuth client in token-service; its developers get the
 * secret there ({@code POST /clients/{clientId}/secrets}), never here.
 */
public record AppResponse(UUID id, UUID developerOrgId, String name, String description, AppKind kind,
        UUID owningCompanyId, String clientId, String contactEmail, String documentationUrl, String privacyPolicyUrl,
        ListingStatus listingStatus, String listingNote, Instant listingReviewedAt, Instant listedAt,
        Instant createdAt, String createdBy, Instant updatedAt) {

    public static AppResponse of(App a) {
        return new AppResponse(a.id, a.developerOrgId, a.name, a.description, a.kind, a.owningCompanyId, a.clientId,
                a.contactEmail, a.documentationUrl, a.privacyPolicyUrl, a.listingStatus, a.listingNote,
                a.listingReviewedAt, a.listedAt, a.createdAt, a.createdBy, a.updatedAt);
    }
}
