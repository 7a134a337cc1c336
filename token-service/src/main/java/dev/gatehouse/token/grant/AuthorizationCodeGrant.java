package dev.gatehouse.token.grant;

import dev.gatehouse.token.authentication.ClientAuthenticator;
import dev.gatehouse.token.authorize.AuthorizationCodes;
import dev.gatehouse.token.authorize.AuthorizationCodes.Redemption;
import dev.gatehouse.token.client.RegisteredClient;
import dev.gatehouse.token.error.OAuthError;
import dev.gatehouse.token.issue.TokenResponse;
import dev.gatehouse.token.oauth.GrantTypes;
import dev.gatehouse.token.oauth.TokenRequest;
import dev.gatehouse.token.refresh.RefreshTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;


/**
 * RFC 6749 §4.1.3: a code for tokens. The code must be this client's, unexpired, unused, for the same redirect URI
 * (when the client names it: with PKCE required, the verifier is what binds the code to the client that asked for
 * it, as in OAuth 2.1), with a verifier whose S256 hash is the challenge (RFC 7636 §4.6); the person's account and
 * sign-in session must still be live. A code presented a second time ends everything its first use started.
 */
@ApplicationScoped
public class AuthorizationCodeGrant implements GrantHandler<TokenRequest.AuthorizationCode> {

    private final SignInGrants grants;
    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;
    private final PersonTokens tokens;
    private final CodeChecks checks;
    private final ExchangeBatch batch;
    private final Delegations delegation;

    public AuthorizationCodeGrant(SignInGrants grants, AuthorizationCodes codes, RefreshTokens refreshTokens,
            PersonTokens tokens, CodeChecks checks, ExchangeBatch batch, Delegations delegation) {
        this.grants = grants;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.checks = checks;
        this.batch = batch;
        this.delegation = delegation;
    }

    @Override
    public Class<TokenRequest.AuthorizationCode> requestType() {
        return TokenRequest.AuthorizationCode.class;
    }

    @Override
    public Uni<TokenResponse> handle(ClientAuthenticator.Authenticated authenticated,
            TokenRequest.AuthorizationCode request) {
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

    /** An exchange the batch left alone: a replayed or unknown code, refused here (a replay ends its grant). */
    private Uni<TokenResponse> oneByOne(RegisteredClient client, TokenRequest.AuthorizationCode request) {
        return grants.inTransaction(connection -> codes.redeem(connection, request.code()).chain(found -> {
            if (found instanceof Redemption.Redeemed redeemed) {
                return exchange(connection, client, request, redeemed).map(SignInGrants.Outcome::of);
            }
            if (found instanceof Redemption.Replayed replayed && replayed.clientId().equals(client.clientId())) {
                return refreshTokens.end(connection, replayed.familyId(), "code_reused")
                        .call(() -> grants.revokeGrant(connection, client.clientId(), null, replayed.familyId(),
                                "code_reused"))
                        .map(x -> SignInGrants.Outcome.failed(OAuthError.INVALID_GRANT.because(
                                "The authorization code was already used; what it gave is revoked")));
            }
            return Uni.createFrom().item(SignInGrants.Outcome.<TokenResponse>failed(
                    OAuthError.INVALID_GRANT.because("The authorization code is invalid")));
        }));
    }

    /** Checks the redeemed code; any failure is thrown, which rolls the redemption back. */
    private Uni<TokenResponse> exchange(SqlConnection connection, RegisteredClient client,
            TokenRequest.AuthorizationCode request, Redemption.Redeemed code) {
        checks.require(client, request, code);
        PersonTokens.Person person = new PersonTokens.Person(code.accountId(), code.platformAdmin(), code.email(),
                code.emailVerified(), code.displayName());
        if (code.installationId() != null) {
            return delegation.of(connection, code.companyId(), code.installationId(), request.actingIn())
                    .chain(acting -> {
                        PersonTokens.Grant grant = new PersonTokens.Grant(code.familyId(), code.sessionId(),
                                code.scopes(), code.authTime(), code.amr(), code.nonce(), acting.actingIn(),
                                acting.delegation());
                        // The approval outlives the sign-in session: signing out of Gatehouse does not end it.
                        return refreshTokens.start(connection, code.familyId(), client.clientId(), code.accountId(),
                                null, code.scopes(), code.authTime(), code.amr(), code.companyId(),
                                code.installationId())
                                .chain(refreshToken -> tokens.issue(connection, client, person, grant, refreshToken,
                                        GrantTypes.AUTHORIZATION_CODE));
                    });
        }
        PersonTokens.Grant grant = new PersonTokens.Grant(code.familyId(), code.sessionId(), code.scopes(),
                code.authTime(), code.amr(), code.nonce(), request.actingIn());
        Uni<String> refresh = client.grantTypes().contains(GrantTypes.REFRESH_TOKEN)
                ? refreshTokens.start(connection, code.familyId(), client.clientId(), code.accountId(),
                        code.sessionId(), code.scopes(), code.authTime(), code.amr(), null, null)
                : Uni.createFrom().nullItem();
        return refresh.chain(refreshToken -> tokens.issue(connection, client, person, grant, refreshToken,
                GrantTypes.AUTHORIZATION_CODE));
    }
}
