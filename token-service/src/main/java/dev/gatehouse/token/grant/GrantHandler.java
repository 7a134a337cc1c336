package dev.gatehouse.token.grant;

import dev.gatehouse.token.client.ClientAuthenticator;
import dev.gatehouse.token.issue.TokenResponse;
import dev.gatehouse.token.oauth.OAuthForm;
import io.smallrye.mutiny.Uni;

/** One OAuth grant type; the token endpoint picks the handler by {@code grant_type}. */
public interface GrantHandler {

    String grantType();

    Uni<TokenResponse> handle(ClientAuthenticator.Authenticated client, OAuthForm form);
}
