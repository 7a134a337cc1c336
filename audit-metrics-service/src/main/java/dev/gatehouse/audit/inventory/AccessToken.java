package dev.gatehouse.audit.inventory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * One credential that issued tokens in a company (Canvas's "User Access Tokens" report): flat, so it is one CSV row.
 *
 * @param kind         installation, user_delegated, service_account, legacy_service_account, person (or client, for
 *                     tokens recorded before the kind was)
 * @param accountId    the person, for a person's or an app's token for a person
 * @param lastUsedAt   the last API call made with its tokens (to the minute), null if none was recorded
 * @param status       what its owners last said: active, disabled, suspended, uninstalled, deleted, migrated or
 *                     revoked (the person's approval of the app)
 */
public record AccessToken(String clientId, UUID appId, String appName,
        @Schema(enumeration = {"installation", "user_delegated", "service_account", "legacy_service_account",
                "person", "client"}) String kind,
        UUID installationId, UUID accountId, Instant firstIssuedAt, Instant lastIssuedAt, long tokens,
        Instant lastUsedAt, String status) {
}
