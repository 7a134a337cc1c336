package dev.gatehouse.token.grant;

import dev.gatehouse.token.client.ClientAuthenticator;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.endpoint.OAuthForm;
import dev.gatehouse.token.issue.AccessToken;
import dev.gatehouse.token.issue.AccessTokenIssuer;
import dev.gatehouse.token.issue.IssuanceRecorder;
import dev.gatehouse.token.issue.TokenResponse;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** RFC 6749 §4.4: the client gets a token for itself ({@code sub} = its client id). */
@ApplicationScoped
public class ClientCredentialsGrant implements GrantHandler {

    public static final String TYPE = "client_credentials";
    static final String PLATFORM_ADMIN = "platform_admin";

    private final AccessTokenIssuer issuer;
    private final IssuanceRecorder recorder;

    public ClientCredentialsGrant(AccessTokenIssuer issuer, IssuanceRecorder recorder) {
        this.issuer = issuer;
        this.recorder = recorder;
    }

    @Override
    public String grantType() {
        return TYPE;
    }

    @Override
    public Uni<TokenResponse> handle(ClientAuthenticator.Authenticated authenticated, OAuthForm form) {
        RegisteredClient client = authenticated.client();
        List<String> scopes = Scopes.grant(form.get("scope"), client.scopes());
        // The platform's own clients administer Gatehouse (docs/security.md); nobody else gets a role this way.
        List<String> roles = client.isPlatform() ? List.of(PLATFORM_ADMIN) : List.of();
        AccessToken token = issuer.issue(client.clientId(), client.clientId(), client.owner().companyId(), scopes,
                roles, client.tokenLifetimeSeconds(), client.signingAlgorithm());
        return recorder.record(token, authenticated.secret()).map(x -> TokenResponse.of(token));
    }
}
