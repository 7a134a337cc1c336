package dev.gatehouse.apps.app;

import dev.gatehouse.events.apps.AppListing;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An app of a developer organization, with one OAuth client for every company that installs it. */
@Entity
@Table(name = "app")
public class App {

    @Id
    public UUID id;

    @Column(name = "developer_org_id", nullable = false)
    public UUID developerOrgId;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 2000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public AppKind kind;

    @Column(name = "owning_company_id")
    public UUID owningCompanyId;

    @Column(name = "client_id", nullable = false, length = 100)
    public String clientId;

    @Column(name = "contact_email", length = 320)
    public String contactEmail;

    @Column(name = "documentation_url", length = 2000)
    public String documentationUrl;

    @Column(name = "privacy_policy_url", length = 2000)
    public String privacyPolicyUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "listing_status", nullable = false, length = 16)
    public ListingStatus listingStatus = ListingStatus.unlisted;

    /** The reviewer's note on approval, or the reason of a rejection (the developer sees it). */
    @Column(name = "listing_note", length = 2000)
    public String listingNote;

    @Column(name = "listing_reviewed_by", columnDefinition = "text")
    public String listingReviewedBy;

    @Column(name = "listing_reviewed_at")
    public Instant listingReviewedAt;

    /**
     * When it reached companies' catalogues: a marketplace app's listing approval, a company app's first published
     * version; null until then (its default binding depends on it: DefaultBinding).
     */
    @Column(name = "listed_at")
    public Instant listedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, columnDefinition = "text")
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** What the app tells admins who consider it: its contact and links. */
    public AppListing listing() {
        return new AppListing(contactEmail, documentationUrl, privacyPolicyUrl);
    }

    /** Replaces the listing; whether anything changed. */
    public boolean list(AppListing listing) {
        if (listing.equals(listing())) {
            return false;
        }
        contactEmail = listing.contactEmail();
        documentationUrl = listing.documentationUrl();
        privacyPolicyUrl = listing.privacyPolicyUrl();
        return true;
    }

    /** Whether companies' catalogues show it: a company's own app once published, a marketplace app once approved. */
    public boolean listed() {
        return kind == AppKind.company ? listedAt != null : listingStatus == ListingStatus.approved;
    }

    /** A platform admin's decision on a pending listing; the first approval lists the app. */
    public void reviewed(boolean approved, String note, String reviewer, Instant now) {
        listingStatus = approved ? ListingStatus.approved : ListingStatus.rejected;
        listingNote = note;
        listingReviewedBy = reviewer;
        listingReviewedAt = now;
        if (approved && listedAt == null) {
            listedAt = now;
        }
    }

    /** The app's OAuth client id: derived from the app id, so it is known before token-service has created it. */
    public static String clientIdFor(UUID appId) {
        return dev.gatehouse.events.apps.AppClientIds.of(appId);
    }
}
