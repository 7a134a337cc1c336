package dev.gatehouse.token.grant;

import dev.gatehouse.token.authentication.ClientAuthenticator;
import dev.gatehouse.token.issue.TokenResponse;
import dev.gatehouse.token.oauth.TokenRequest;
import io.smallrye.mutiny.Uni;

/**
 * One OAuth grant type (the Spring Authorization Server split: the endpoint parses, one handler per grant decides).
 * The token endpoint hands each parsed request to the handler of its type; the client is already authenticated
 * and allowed to use the grant.
 */
public interface GrantHandler<R extends TokenRequest> {

    Class<R> requestType();

    Uni<TokenResponse> handle(ClientAuthenticator.Authenticated client, R request);
}
