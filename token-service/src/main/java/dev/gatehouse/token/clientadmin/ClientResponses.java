package dev.gatehouse.token.clientadmin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.token.authentication.ClientAuthenticator;
import dev.gatehouse.token.client.Client;
import dev.gatehouse.token.client.ClientOwner;
import dev.gatehouse.token.client.ClientSecret;
import dev.gatehouse.token.client.ServicePermissions;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of the client administration API. Secrets appear only in the responses that create them. */
public final class ClientResponses {

    private ClientResponses() {
    }

    /** A secret's metadata: never the secret. */
    public record SecretInfo(UUID id, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
        static SecretInfo of(ClientSecret s) {
            return new SecretInfo(s.id, s.createdAt, s.expiresAt, s.lastUsedAt);
        }
    }

    /**
     * A client as the API shows it. A legacy service account's client says so: {@code deprecated: true} and the
     * account's id (app-management), whose migrate endpoint replaces it with an app installation.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ClientView(String clientId, String name, String description, ClientOwner owner,
            List<String> grantTypes, List<String> scopes, int tokenLifetimeSeconds, String signingAlgorithm,
            List<String> tokenEndpointAuthMethods, List<String> redirectUris, List<String> postLogoutRedirectUris,
            @Schema(type = SchemaType.OBJECT,
                    description = ClientRequests.JWKS) JsonNode jwks, String jwksUri, boolean enabled,
            String disabledReason, List<SecretInfo> secrets, Instant createdAt, String createdBy, Instant updatedAt,
            String updatedBy, boolean deprecated,
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID legacyServiceAccountId,
            @JsonInclude(JsonInclude.Include.NON_NULL) ServiceAccountUser serviceAccount) {

        static ClientView of(Client c, List<ClientSecret> secrets) {
            return new ClientView(c.clientId, c.name, c.description, new ClientOwner(c.ownerType, c.ownerId),
                    c.grantTypeList(), c.scopeList(), c.tokenLifetimeSeconds, c.signingAlgorithm,
                    c.publicClient ? List.of(ClientAuthenticator.NONE)
                            : c.jwks == null && c.jwksUri == null
                            ? List.of(ClientAuthenticator.BASIC, ClientAuthenticator.POST)
                            : List.of(ClientAuthenticator.BASIC, ClientAuthenticator.POST,
                                    ClientAuthenticator.PRIVATE_KEY_JWT),
                    c.redirectUriList(), c.postLogoutRedirectUriList(),
                    parse(c.jwks), c.jwksUri, c.enabled, c.disabledReason,
                    secrets.stream().sorted(Comparator.comparing((ClientSecret s) -> s.createdAt))
                            .map(SecretInfo::of).toList(),
                    c.createdAt, c.createdBy, c.updatedAt, c.updatedBy, c.legacyAccountId != null,
                    c.legacyAccountId, c.isServiceAccount() ? ServiceAccountUser.of(c) : null);
        }
    }

    /**
     * A company service account's directory user and what it may do (Itential's "Edit Permissions"): its tokens'
     * {@code sub} is {@code userId}, and the directory judges them by these permissions as they are now.
     */
    public record ServiceAccountUser(UUID userId, Map<String, AccessLevel> companyPermissions,
            Map<String, AccessLevel> projectPermissions, List<UUID> projectIds, boolean highRisk) {

        static ServiceAccountUser of(Client c) {
            ServicePermissions p = ServicePermissions.of(c);
            return new ServiceAccountUser(c.serviceUserId, p.company(), p.project(), p.projectIds(), p.highRisk());
        }
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? null : EventJson.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored JWKS is not JSON", e);
        }
    }

    /** The answer to creating a client: its only chance to see {@code clientSecret}. */
    @Schema(name = "ClientCreated")
    public record Created(String clientId, String clientSecret, UUID secretId, ClientView client) {
    }

    /** The answer to rotating or regenerating: the new secret, shown this once. */
    @Schema(name = "NewSecret")
    public record NewSecret(String clientId, UUID secretId, String clientSecret, Instant expiresAt,
            List<SecretInfo> secrets) {
    }
}
