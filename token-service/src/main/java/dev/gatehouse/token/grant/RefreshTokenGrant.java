package dev.gatehouse.token.grant;

import dev.gatehouse.token.authentication.ClientAuthenticator;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.error.OAuthError;
import dev.gatehouse.token.error.OAuthException;
import dev.gatehouse.token.issue.TokenResponse;
import dev.gatehouse.token.oauth.GrantTypes;
import dev.gatehouse.token.oauth.Scopes;
import dev.gatehouse.token.oauth.TokenRequest;
import dev.gatehouse.token.refresh.RefreshTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * RFC 6749 §6: a refresh token for new tokens, and a new refresh token (rotation on every use, RFC 9700 §4.14.2).
 * The grant must be this client's and live; the account must be active and unchanged since the grant began (a
 * password change or a disable ends it), and the client must not have had its tokens revoked since. A rotated
 * token presented again ends the grant for both holders. An app's grant for a person also ends once its installation
 * is no longer active ({@link Delegations}).
 */
@ApplicationScoped
public class RefreshTokenGrant implements GrantHandler<TokenRequest.RefreshToken> {

    private final SignInGrants grants;
    private final RefreshTokens refreshTokens;
    private final PersonTokens tokens;
    private final RefreshBatch batch;
    private final Delegations delegations;

    public RefreshTokenGrant(SignInGrants grants, RefreshTokens refreshTokens, PersonTokens tokens,
            RefreshBatch batch, Delegations delegations) {
        this.grants = grants;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.batch = batch;
        this.delegations = delegations;
    }

    @Override
    public Class<TokenRequest.RefreshToken> requestType() {
        return TokenRequest.RefreshToken.class;
    }

    @Override
    public Uni<TokenResponse> handle(ClientAuthenticator.Authenticated authenticated,
            TokenRequest.RefreshToken request) {
        return batch.submit(authenticated.client(), request).chain(result -> {
            if (result instanceof BatchResult.Done done) {
                return Uni.createFrom().item(done.response());
            }
            if (result instanceof BatchResult.Refused refused) {
                return Uni.createFrom().failure(refused.error());
            }
            return oneByOne(authenticated.client(), request);
        });
    }

    /** A refresh the batch left alone: refused here, with the reuse and end rules, or rotated alone. */
    private Uni<TokenResponse> oneByOne(RegisteredClient client, TokenRequest.RefreshToken request) {
        return grants.inTransaction(connection -> refreshTokens.rotate(connection, request.refreshToken())
                .chain(outcome -> {
                    if (outcome.rotated().isEmpty()) {
                        if (outcome.refusal() == RefreshTokens.Refusal.REUSED) {
                            return grants.revokeGrant(connection, client.clientId(), null,
                                    refreshTokens.familyOf(request.refreshToken()).orElseThrow(),
                                    "refresh_token_reused").map(x -> SignInGrants.Outcome.failed(
                                    OAuthError.INVALID_GRANT.because("The refresh token was already used; the "
                                            + "grant is revoked")));
                        }
                        return Uni.createFrom().item(SignInGrants.Outcome.<TokenResponse>failed(
                                OAuthError.INVALID_GRANT.because("The refresh token is invalid or has expired")));
                    }
                    RefreshTokens.Rotated grant = outcome.rotated().get();
                    if (!grant.clientId().equals(client.clientId())) {
                        // Rolled back: another client's token is not this client's to spend.
                        throw OAuthError.INVALID_GRANT.because("The refresh token was issued to another client");
                    }
                    if (!"active".equals(grant.accountStatus())
                            || grant.createdAt().isBefore(grant.accountTokensValidAfter())
                            || grant.createdAt().isBefore(client.tokensValidAfter())) {
                        return refreshTokens.end(connection, grant.familyId(), "account_or_client_changed")
                                .map(x -> SignInGrants.Outcome.failed(OAuthError.INVALID_GRANT.because(
                                        "The grant has ended; sign in again")));
                    }
                    List<String> scopes = Scopes.grant(request.scope(), grant.scopes());
                    PersonTokens.Person person = RefreshBatch.person(grant);
                    if (grant.installationId() != null) {
                        return delegations.of(connection, grant.companyId(), grant.installationId(),
                                request.actingIn()).chain(acting -> tokens.issue(connection, client, person,
                                        new PersonTokens.Grant(grant.familyId(), null, scopes, grant.authTime(),
                                                grant.amr(), null, acting.actingIn(), acting.delegation()),
                                        outcome.successor(), GrantTypes.REFRESH_TOKEN).map(SignInGrants.Outcome::of))
                                .onFailure(e -> e instanceof OAuthException o && o.error() == OAuthError.INVALID_GRANT)
                                .recoverWithUni(e -> refreshTokens.end(connection, grant.familyId(),
                                        "installation_inactive").map(x -> SignInGrants.Outcome.failed(
                                                (OAuthException) e)));
                    }
                    return tokens.issue(connection, client, person, new PersonTokens.Grant(grant.familyId(),
                                    grant.sessionId(), scopes, grant.authTime(), grant.amr(), null,
                                    request.actingIn()),
                            outcome.successor(), GrantTypes.REFRESH_TOKEN).map(SignInGrants.Outcome::of);
                }));
    }
}
