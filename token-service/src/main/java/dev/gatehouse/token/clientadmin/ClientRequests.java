package dev.gatehouse.token.clientadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.web.permission.CatalogueScope;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the client administration API. */
public final class ClientRequests {

    /** RFC 6749 §3.3 scope-token: printable ASCII without space, double quote or backslash. */
    static final String JWKS = "Public keys for private_key_jwt, as a JWK Set (RFC 7517 §5): {\"keys\": [...]}";

    static final String SCOPES = "Scopes from the catalogue (GET /scopes on directory-service) the client's tokens may "
            + "carry; any other name is a field error";

    private ClientRequests() {
    }

    /** {@code POST .../service-accounts}. */
    @Schema(name = "ClientCreate")
    public record Create(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
            String name,
            @Size(max = 1000, message = "must be at most 1000 characters") String description,
            @Size(max = 50, message = "may list at most 50 scopes")
            @Schema(description = SCOPES) List<@NotNull(message = "must be a scope") @CatalogueScope String> scopes,
            @Min(value = 60, message = "must be at least 60 seconds")
            @Max(value = 86400, message = "must be at most 86400 seconds (one day)") Integer tokenLifetimeSeconds,
            @Pattern(regexp = "RS256|ES256", message = "must be RS256 or ES256") String signingAlgorithm,
            @Schema(type = SchemaType.OBJECT, description = JWKS) JsonNode jwks,
            @Size(max = 2000, message = "must be at most 2000 characters") String jwksUri) {
    }

    /**
     * {@code PUT .../service-accounts/{clientId}/permissions} (Itential's "Edit Permissions"): the account's directory
     * user's permissions and projects, replaced as a whole. Tools and levels as in {@code GET /tools}; per-project
     * tools only in {@code projectPermissions}; projects of the company only.
     */
    @Schema(name = "ServiceAccountPermissions")
    public record Permissions(
            @Schema(description = "Company-level tool permissions, tool name to level (none, read_only, standard, "
                    + "admin)") Map<String, String> companyPermissions,
            @Schema(description = "Tool permissions on each of projectIds (project-level tools only)")
            Map<String, String> projectPermissions,
            @Size(max = 1000, message = "may list at most 1000 projects")
            List<@NotNull(message = "must be a project id") UUID> projectIds,
            @Schema(description = "Must be true to give admin on the company's Directory (high-risk: it allows "
                    + "managing people and their permissions)") Boolean acknowledgeHighRisk) {
    }

    /**
     * {@code PATCH .../service-accounts/{clientId}}: absent fields stay as they are. {@code jwks} and
     * {@code jwksUri} register public keys for private_key_jwt; an empty string or {@code {}} removes them.
     */
    @Schema(name = "ClientUpdate")
    public record Update(
            @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String name,
            @Size(max = 1000, message = "must be at most 1000 characters") String description,
            @Size(max = 50, message = "may list at most 50 scopes")
            @Schema(description = SCOPES) List<@NotNull(message = "must be a scope") @CatalogueScope String> scopes,
            @Min(value = 60, message = "must be at least 60 seconds")
            @Max(value = 86400, message = "must be at most 86400 seconds (one day)") Integer tokenLifetimeSeconds,
            @Schema(type = SchemaType.OBJECT, description = JWKS) JsonNode jwks,
            @Size(max = 2000, message = "must be at most 2000 characters") String jwksUri) {
    }

    /**
     * {@code POST /first-party-clients}: one of the platform's own applications people sign in to. A confidential
     * client (the default; a server-side web app such as the console) gets a secret, shown once; a public one (a
     * command-line tool, a native app) gets none and proves itself with PKCE alone.
     */
    @Schema(name = "FirstPartyClientCreate")
    public record FirstPartyCreate(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
            String name,
            @Size(max = 1000, message = "must be at most 1000 characters") String description,
            @NotNull(message = "is required") @Size(min = 1, max = 10, message = "must list 1 to 10 URIs")
            List<@NotBlank(message = "must not be blank") String> redirectUris,
            @Size(max = 10, message = "may list at most 10 URIs")
            List<@NotBlank(message = "must not be blank") String> postLogoutRedirectUris,
            @Schema(description = "true: no secret, PKCE only (RFC 8252 native apps, command-line tools)")
            Boolean publicClient,
            @Schema(description = "How its ID and access tokens are signed: ES256 (the default; a fraction of "
                    + "RS256's cost to the server) or RS256")
            @Pattern(regexp = "RS256|ES256", message = "must be RS256 or ES256") String signingAlgorithm) {
    }

    /** {@code PATCH /first-party-clients/{clientId}}: absent fields stay as they are. */
    @Schema(name = "FirstPartyClientUpdate")
    public record FirstPartyUpdate(
            @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String name,
            @Size(max = 1000, message = "must be at most 1000 characters") String description,
            @Size(min = 1, max = 10, message = "must list 1 to 10 URIs")
            List<@NotBlank(message = "must not be blank") String> redirectUris,
            @Size(max = 10, message = "may list at most 10 URIs")
            List<@NotBlank(message = "must not be blank") String> postLogoutRedirectUris) {
    }

    /** {@code POST .../secrets}: until when the secrets in use now stay valid (default: 24 hours from now). */
    @Schema(name = "SecretRotation")
    public record Rotate(Instant previousSecretsExpireAt) {
    }

    /** {@code POST .../disable}. */
    @Schema(name = "ClientDisable")
    public record Disable(@Size(max = 500, message = "must be at most 500 characters") String reason) {
    }
}
