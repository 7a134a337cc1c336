package dev.gatehouse.token.grant;

import dev.gatehouse.events.permission.ScopeCatalogue;
import dev.gatehouse.events.token.TokenIssued;
import dev.gatehouse.token.authentication.ClientAuthenticator;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.installation.InstallationTokens;
import dev.gatehouse.token.issue.AccessToken;
import dev.gatehouse.token.issue.AccessTokenIssuer;
import dev.gatehouse.token.issue.CutOffWait;
import dev.gatehouse.token.issue.IssuanceRecorder;
import dev.gatehouse.token.issue.TokenResponse;
import dev.gatehouse.token.oauth.Scopes;
import dev.gatehouse.token.oauth.TokenRequest;
import dev.gatehouse.web.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * RFC 6749 §4.4: the client gets a token for itself ({@code sub} = its client id); an app's client that names a
 * company ({@code company_id}, or RFC 8707 {@code resource}) gets a token for its installation there instead, and
 * a legacy service account's client gets one for its directory user. The first grant after a cut-off waits for it
 * ({@link CutOffWait}), so no token is dead on arrival.
 */
@ApplicationScoped
public class ClientCredentialsGrant implements GrantHandler<TokenRequest.ClientCredentials> {

    static final String PLATFORM_ADMIN = "platform_admin";
    static final String APP = "app";
    static final String LEGACY_SERVICE_ACCOUNT = "legacy_service_account";

    private final AccessTokenIssuer issuer;
    private final IssuanceRecorder recorder;
    private final InstallationTokens installations;
    private final CutOffWait cutOff;

    public ClientCredentialsGrant(AccessTokenIssuer issuer, IssuanceRecorder recorder,
            InstallationTokens installations, CutOffWait cutOff) {
        this.issuer = issuer;
        this.recorder = recorder;
        this.installations = installations;
        this.cutOff = cutOff;
    }

    @Override
    public Class<TokenRequest.ClientCredentials> requestType() {
        return TokenRequest.ClientCredentials.class;
    }

    @Override
    public Uni<TokenResponse> handle(ClientAuthenticator.Authenticated authenticated,
            TokenRequest.ClientCredentials request) {
        RegisteredClient client = authenticated.client();
        return cutOff.passed(client.tokensValidAfter()).chain(() -> client.isApp() && request.company().isPresent()
                ? forInstallation(authenticated, request, request.company().get())
                : forClient(authenticated, request));
    }

    /** A token for the client itself: a service account, a legacy account, a platform client, an app's own. */
    private Uni<TokenResponse> forClient(ClientAuthenticator.Authenticated authenticated,
            TokenRequest.ClientCredentials request) {
        RegisteredClient client = authenticated.client();
        // A legacy service account keeps its legacy behaviour: unscoped, every catalogue scope, its user's permissions
        // the only limit (docs/security.md, "Scopes"); any other client has the scopes it was registered with.
        List<String> scopes = Scopes.grant(request.scope(), client.isLegacy() ? ScopeCatalogue.names()
                : client.scopes());
        // The platform's own clients administer Gatehouse (docs/security.md); a (legacy) service account acts as its
        // directory user, judged by that user's permissions; nobody else gets a role this way.
        List<String> roles = client.isPlatform() ? List.of(PLATFORM_ADMIN)
                : client.isLegacy() ? List.of(LEGACY_SERVICE_ACCOUNT)
                : client.serviceUserId() != null ? List.of(Roles.SERVICE_ACCOUNT) : List.of();
        String subject = client.isLegacy() ? client.legacyUserId().toString()
                : client.serviceUserId() != null ? client.serviceUserId().toString() : client.clientId();
        AccessToken token = issuer.issue(client.clientId(), subject, client.owner().companyId(), scopes,
                roles, client.tokenLifetimeSeconds(), client.signingAlgorithm());
        return recorder.record(token, authenticated.secret(), null, client.credentialKind())
                .map(x -> TokenResponse.of(token));
    }

    /**
     * An installation token: {@code sub} is the installation's app user, with the company, the installation, the
     * {@code app} role and the manifest's scopes (or the requested subset). Without a company an app client gets a
     * token for itself that only lists where it is installed (app-management {@code GET /app/installations}).
     */
    private Uni<TokenResponse> forInstallation(ClientAuthenticator.Authenticated authenticated,
            TokenRequest.ClientCredentials request, UUID companyId) {
        RegisteredClient client = authenticated.client();
        return installations.requireActive(client.clientId(), companyId).call(active -> cutOff.passed(
                active.tokensValidAfter())).map(InstallationTokens.Active::state).chain(state -> {
            List<String> scopes = Scopes.grant(request.scope(), state.scopes());
            AccessToken token = issuer.issue(client.clientId(), state.appUserId().toString(), companyId, scopes,
                    List.of(APP), client.tokenLifetimeSeconds(), client.signingAlgorithm(),
                    Map.of(InstallationTokens.INSTALLATION_ID, state.installationId().toString()));
            return recorder.record(token, authenticated.secret(), state.installationId(),
                    TokenIssued.KIND_INSTALLATION)
                    .map(x -> TokenResponse.of(token)
                    .withInstallation(companyId, state.installationId(), InstallationTokens.permissions(state),
                            state.projectIds()));
        });
    }
}
